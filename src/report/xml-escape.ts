/** @module XML 1.0 text and attribute escaping that also drops characters XML cannot carry. */

// Everything outside XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** Escape element content. `]]>` cannot appear because `>` is always escaped. */
export function escapeXmlText(text: string | null | undefined): string {
  return stripIllegalXml(String(text ?? '')).replace(/[&<>]/g, (character) => TEXT_ENTITIES[character]!);
}

/** Escape an attribute value; whitespace is kept as character references so it survives normalisation. */
export function escapeXmlAttribute(text: string | null | undefined): string {
  return stripIllegalXml(String(text ?? '')).replace(
    /[&<>"'\t\n\r]/g,
    (character) => ATTRIBUTE_ENTITIES[character]!,
  );
}
