import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlWithCode } from './html-with-code.ts';

describe('htmlWithCode', () => {
  it('shows paired backticks as <code> with the content escaped', () => {
    expect(htmlWithCode('Send `retry-after` on 429')).toBe('Send <code>retry-after</code> on 429');
    expect(htmlWithCode('`<img src=x onerror=alert(1)>`')).toBe(
      '<code>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</code>',
    );
  });

  it('escapes everything outside code spans, a stray backtick included', () => {
    expect(htmlWithCode('<script>alert("x")</script> ` \'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#x60; &#x27;',
    );
    expect(htmlWithCode(null)).toBe('');
  });

  it('escapes like Handlebars', () => {
    expect(escapeHtml('&<>"\'`=')).toBe('&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;');
  });
});

describe('htmlWithCode, edge cases', () => {
  it('renders undefined as nothing and leaves plain text alone', () => {
    expect(htmlWithCode(undefined)).toBe('');
    expect(htmlWithCode('plain text')).toBe('plain text');
  });

  it('takes only single backtick pairs as code, several of them, with text between escaped', () => {
    expect(htmlWithCode('`a` < `b`')).toBe('<code>a</code> &lt; <code>b</code>');
    expect(htmlWithCode('``a``')).toBe('&#x60;&#x60;a&#x60;&#x60;');
    expect(htmlWithCode('x `"q"` y=1')).toBe('x <code>&quot;q&quot;</code> y&#x3D;1');
  });
});
