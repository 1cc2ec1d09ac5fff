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
