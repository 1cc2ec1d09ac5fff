import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeTableCell } from './escape-markdown.ts';

describe('escapeMarkdown', () => {
  it('entity-escapes HTML so no tag from a target reaches the file', () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('neutralises link syntax, emphasis, pipes and stray backticks', () => {
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(escapeMarkdown('*a* _b_ | c ` d')).toBe('\\*a\\* \\_b\\_ \\| c \\` d');
  });

  it('keeps paired backticks as a code span, literal inside', () => {
    expect(escapeMarkdown('Send `retry-after` on *429*')).toBe('Send `retry-after` on \\*429\\*');
    expect(escapeMarkdown('`[x](y)` and `a|b`')).toBe('`[x](y)` and `a|b`');
    expect(escapeMarkdown('``')).toBe('\\`\\`');
  });

  it('escapes a code span holding HTML as text, so no raw tag reaches the file', () => {
    expect(escapeMarkdown('`<img src=x onerror=alert(1)>`')).toBe('\\`&lt;img src=x onerror=alert(1)&gt;\\`');
  });

  it('turns newlines into spaces so text cannot open a heading or list', () => {
    expect(escapeMarkdown('one\n# two\n- three')).toBe('one # two - three');
  });

  it('escapes block syntax at the start of the text', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('8.4 ms')).toBe('8.4 ms');
  });

  it('keeps a bare ampersand readable but breaks entity references', () => {
    expect(escapeMarkdown('Retention & Deletion')).toBe('Retention & Deletion');
    expect(escapeMarkdown('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });

  it('drops control characters and lone surrogates', () => {
    expect(escapeMarkdown('a\u0000b\u0007c\ud800d')).toBe('abcd');
  });
});

describe('escapeTableCell', () => {
  it('keeps line breaks as <br> and escapes pipes, in code spans too', () => {
    expect(escapeTableCell('a | b\nc')).toBe('a \\| b<br>c');
    expect(escapeTableCell('use `a|b`')).toBe('use `a\\|b`');
  });

  it('never leaves a cell empty and does not escape a leading dash', () => {
    expect(escapeTableCell('')).toBe(' ');
    expect(escapeTableCell('--')).toBe('--');
  });
});

describe('escapeMarkdown, character by character', () => {
  it('renders null and undefined as nothing', () => {
    expect(escapeMarkdown(null)).toBe('');
    expect(escapeMarkdown(undefined)).toBe('');
    expect(escapeTableCell(null)).toBe(' ');
    expect(escapeTableCell(undefined)).toBe(' ');
  });

  it('backslash-escapes every inline marker, a backslash and a tilde included', () => {
    expect(escapeMarkdown('a\\b ~c~ [d] e|f')).toBe('a\\\\b \\~c\\~ \\[d\\] e\\|f');
    expect(escapeMarkdown('a > b < c')).toBe('a &gt; b &lt; c');
  });

  it('breaks named, numeric and upper-case entity references', () => {
    expect(escapeMarkdown('&#39; &#x3C; &AMP; &amp')).toBe('&amp;#39; &amp;#x3C; &amp;AMP; &amp');
  });

  it('drops every C0 and C1 control and lone surrogates of either half, keeping real pairs', () => {
    const controls = '\u0001\u0008\u000b\u000c\u000e\u001f\u007f\u0080\u009f';
    expect(escapeMarkdown(`a${controls}b`)).toBe('ab');
    expect(escapeMarkdown('a\udc00b\ud83d')).toBe('ab');
    expect(escapeMarkdown('¡😀 ok')).toBe('¡😀 ok');
  });

  it('escapes every list, heading and rule start, and nothing that only looks like one', () => {
    expect(escapeMarkdown('1) item')).toBe('1\\) item');
    expect(escapeMarkdown('12.')).toBe('12\\.');
    expect(escapeMarkdown('123456789. x')).toBe('123456789\\. x');
    expect(escapeMarkdown('1234567890. x')).toBe('1234567890. x');
    expect(escapeMarkdown('1.5 s')).toBe('1.5 s');
    expect(escapeMarkdown('+ x')).toBe('\\+ x');
    expect(escapeMarkdown('= x')).toBe('\\= x');
    expect(escapeMarkdown('#')).toBe('\\#');
    expect(escapeMarkdown('--')).toBe('\\--');
    expect(escapeMarkdown('==')).toBe('\\==');
    expect(escapeMarkdown('-x')).toBe('-x');
    expect(escapeMarkdown('x - y')).toBe('x - y');
  });

  it('keeps a code span only for a single backtick pair around non-blank text', () => {
    expect(escapeMarkdown('```json```')).toBe('\\`\\`\\`json\\`\\`\\`');
    expect(escapeMarkdown('` `')).toBe('\\` \\`');
    expect(escapeMarkdown('` a `')).toBe('`a`');
    expect(escapeMarkdown('`a & b`')).toBe('\\`a & b\\`');
    expect(escapeMarkdown('`a` *b* `c`')).toBe('`a` \\*b\\* `c`');
  });

  it('collapses runs of whitespace and trims', () => {
    expect(escapeMarkdown('  a \t\r\n b  ')).toBe('a b');
  });
});

describe('escapeTableCell, line by line', () => {
  it('splits on CRLF, CR and LF, drops blank lines and escapes each line', () => {
    expect(escapeTableCell('a\r\n\r\nb\rc\n  \n*d*')).toBe('a<br>b<br>c<br>\\*d\\*');
    expect(escapeTableCell('\n \n')).toBe(' ');
    expect(escapeTableCell('a\u0000b')).toBe('ab');
  });

  it('keeps pipes in a code span escaped only in a cell', () => {
    expect(escapeTableCell('`a|b|c`')).toBe('`a\\|b\\|c`');
    expect(escapeMarkdown('`a|b|c`')).toBe('`a|b|c`');
  });
});
