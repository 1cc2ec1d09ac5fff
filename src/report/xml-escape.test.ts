import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, stripIllegalXml } from './xml-escape.ts';

describe('escapeXmlText', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeXmlText(`a & b <c> "d" 'e'\t\n`)).toBe(`a &amp; b &lt;c&gt; "d" 'e'\t\n`);
    expect(escapeXmlText(']]>')).toBe(']]&gt;');
  });

  it('renders null and undefined as empty text', () => {
    expect(escapeXmlText(null)).toBe('');
    expect(escapeXmlText(undefined)).toBe('');
  });
});

describe('escapeXmlAttribute', () => {
  it('escapes markup, both quotes and the whitespace attribute normalisation would eat', () => {
    expect(escapeXmlAttribute(`a&<b>"c"'d'\te\nf\rg`)).toBe(
      'a&amp;&lt;b&gt;&quot;c&quot;&apos;d&apos;&#9;e&#10;f&#13;g',
    );
  });

  it('renders null and undefined as an empty value', () => {
    expect(escapeXmlAttribute(null)).toBe('');
    expect(escapeXmlAttribute(undefined)).toBe('');
  });
});

describe('stripIllegalXml', () => {
  it('drops C0 controls but keeps tab, newline and carriage return', () => {
    expect(stripIllegalXml('a\u0000b\u0008c\u000bd\u000ce\u001ff\t\n\rg')).toBe('abcdef\t\n\rg');
  });

  it('drops lone surrogates and U+FFFE/U+FFFF but keeps the characters around them', () => {
    expect(stripIllegalXml('a\ud800b\udc00c\ufffe\uffffd')).toBe('abcd');
  });

  it('keeps the edges of the allowed ranges and astral characters', () => {
    const kept = ' \u007f\ud7ff\ue000\ufffd😀\u{10ffff}';
    expect(stripIllegalXml(kept)).toBe(kept);
    expect(escapeXmlText(`x\u0001<`)).toBe('x&lt;');
    expect(escapeXmlAttribute(`x\u0001"`)).toBe('x&quot;');
  });
});
