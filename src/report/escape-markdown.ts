/** @module Neutralise target-controlled text before it is placed in Markdown. */

// C0/C1 controls other than tab and newline, plus lone surrogates: never useful in a report.
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INLINE = /[\\`*_~[\]|]|[<>]|&(?=#?[a-z0-9]+;)/gi;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
// Block syntax that would start a heading, list, rule or setext underline at the start of a line.
const BLOCK_START = /^(\d{1,9})([.)])(?=\s|$)|^([-+=#])(?=[-+=#\s]|$)/;

function escapeInline(text: string): string {
  return text.replace(INLINE, (character) => ENTITIES[character] ?? `\\${character}`);
}

function escapeLine(line: string): string {
  return escapeInline(line.replace(/\s+/g, ' ').trim());
}

function escapeBlockStart(line: string): string {
  return line.replace(BLOCK_START, (_match, digits, mark, sign) =>
    digits ? `${digits}\\${mark}` : `\\${sign}`,
  );
}

/**
 * Escape text for a Markdown paragraph, list item or heading. HTML is entity-escaped, inline
 * syntax (backticks, emphasis, link brackets, pipes) is backslash-escaped, and newlines become
 * spaces so target text can never start a block of its own or leave the list item it sits in.
 */
export function escapeMarkdown(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return escapeBlockStart(escapeLine(String(text).replace(CONTROL, '')));
}

/**
 * Escape text for a GitHub table cell: inline syntax and pipes as escapeMarkdown, line breaks
 * kept as `<br>`. A cell cannot open a block, so a leading `-` or `1.` stays as written.
 */
export function escapeTableCell(text: string | null | undefined): string {
  if (text === null || text === undefined) return ' ';
  const lines = String(text)
    .replace(CONTROL, '')
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line.length > 0);
  return lines.length > 0 ? lines.join('<br>') : ' ';
}
