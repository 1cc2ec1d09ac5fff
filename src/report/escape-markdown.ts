/** @module Neutralise target-controlled text before it is placed in Markdown. */

// C0/C1 controls other than tab and newline, plus lone surrogates: never useful in a report.
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INLINE = /[\\`*_~[\]|]|[<>]|&(?=#?[a-z0-9]+;)/gi;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
// Block syntax that would start a heading, list, rule or setext underline at the start of a line.
const BLOCK_START = /^(\d{1,9})([.)])(?=\s|$)|^([-+=#])(?=[-+=#\s]|$)/;

// A code span as the rubric writes one: a lone backtick pair around text without backticks
// (runs of backticks, e.g. a ```json fence in a body, stay text).
const CODE_SPAN = /(?<!`)`([^`]+)`(?!`)/g;

function escapeInline(text: string): string {
  return text.replace(INLINE, (character) => ENTITIES[character] ?? `\\${character}`);
}

// Code spans show `<`, `>` and `&` literally, so a span holding them is escaped as text instead:
// the file then never carries a raw tag, whatever renders it.
const UNSAFE_IN_CODE = /[<>&]/;

/**
 * Escape inline syntax outside code spans and keep paired backticks as code (Markdown shows a
 * code span's characters literally). In a table cell a pipe still ends the cell before the span
 * is parsed, so it is escaped there; an unpaired backtick is escaped like any other syntax.
 */
function escapeWithCodeSpans(text: string, inTable: boolean): string {
  let escaped = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    const code = match[1]!.trim();
    const keep = code !== '' && !UNSAFE_IN_CODE.test(code);
    escaped += escapeInline(text.slice(last, match.index));
    escaped += keep ? `\`${inTable ? code.replace(/\|/g, '\\|') : code}\`` : escapeInline(match[0]);
    last = match.index + match[0].length;
  }
  return escaped + escapeInline(text.slice(last));
}

function escapeLine(line: string, inTable = false): string {
  return escapeWithCodeSpans(line.replace(/\s+/g, ' ').trim(), inTable);
}

function escapeBlockStart(line: string): string {
  return line.replace(BLOCK_START, (_match, digits, mark, sign) =>
    digits ? `${digits}\\${mark}` : `\\${sign}`,
  );
}

/**
 * Escape text for a Markdown paragraph, list item or heading. HTML is entity-escaped, inline
 * syntax (emphasis, link brackets, pipes, stray backticks) is backslash-escaped, `x` stays a code
 * span (shown literally, so inert), and newlines become
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
    .map((line) => escapeLine(line, true))
    .filter((line) => line.length > 0);
  return lines.length > 0 ? lines.join('<br>') : ' ';
}
