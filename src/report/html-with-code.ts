/** @module Text for report.html with every character escaped and `x` code spans shown as <code>. */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

const CODE_SPAN = /(?<!`)`([^`]+)`(?!`)/g;

/** The same escaping as Handlebars' `{{ }}`, so this helper is never weaker than the default. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (character) => HTML_ENTITIES[character]!);
}

/**
 * Escape text for an HTML element body, turning paired backticks into <code> around the escaped
 * content: the only markup added is ours, so target text stays inert.
 */
export function htmlWithCode(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  let html = '';
  let last = 0;
  for (const match of String(text).matchAll(CODE_SPAN)) {
    html += escapeHtml(String(text).slice(last, match.index));
    html += `<code>${escapeHtml(match[1]!)}</code>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(String(text).slice(last));
}
