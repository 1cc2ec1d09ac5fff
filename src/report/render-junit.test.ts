import { describe, expect, it } from 'vitest';
import { fixtureResults, hostileResults, probeResult } from './__fixtures__/results.ts';
import { HOSTILE } from './__fixtures__/scorecards.ts';
import { renderJunit } from './render-junit.ts';

// Everything outside XML 1.0 Char.
const ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** A strict little XML parser: throws on anything not well-formed (enough for junit). */
function parseXml(xml: string): Element {
  expect(xml).not.toMatch(ILLEGAL);
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: Element = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  const decode = (text: string) => {
    expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i);
    return text.replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_all, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!,
    );
  };
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const [, closing, name, attributeText, selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray < at ${match.index}`);
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText!.matchAll(/([\w-]+)="([^"]*)"/g))
        attributes[key!] = decode(value!);
      const element: Element = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error('unclosed elements');
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

describe('renderJunit', () => {
  it('writes one testsuite per suite and one testcase per result', () => {
    const results = fixtureResults();
    const root = parseXml(renderJunit(results));
    expect(root.name).toBe('testsuites');
    expect(Number(root.attributes.tests)).toBe(results.length);
    const suites = root.children.map((suite) => suite.attributes.name);
    expect(suites).toEqual(['chat', 'json-mode', 'tools', 'auth', 'data-protection', 'reliability', 'agent']);
    const chat = root.children[0]!;
    expect(chat.children).toHaveLength(40);
    expect(chat.children[0]!.attributes.name).toBe('stream-latency#1');
    const json = root.children[1]!.children[0]!;
    expect(json.children[0]!.name).toBe('failure');
    expect(json.children[0]!.text).toContain(
      'json-valid [agentFriendliness.errorMessages]: content was wrapped',
    );
    const burst = root.children[5]!.children[0]!.children[0]!;
    expect(burst).toMatchObject({ name: 'error', attributes: { type: 'timeout' } });
    const skipped = root.children[6]!.children[0]!.children[0]!;
    expect(skipped).toMatchObject({ name: 'skipped', attributes: { message: 'not-applicable' } });
    expect(root.children[5]!.attributes).toMatchObject({ errors: '1', failures: '0' });
  });

  it('stays well-formed with hostile text and strips characters XML cannot carry', () => {
    const extra = probeResult(`suite ${HOSTILE.control}"'&`, `]]> ${HOSTILE.script}`, 1, {
      status: 'skipped',
      reason: 'not-supported',
    });
    extra.reasonDetail = `${HOSTILE.control}\u0001\uffff\udfff`;
    const xml = renderJunit([...hostileResults(), extra]);
    expect(xml).not.toMatch(ILLEGAL);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    const root = parseXml(xml);
    const evil = root.children[0]!.children[0]!;
    expect(evil.attributes.name).toBe('<script>#1');
    expect(evil.children[0]!.text).toContain(HOSTILE.script);
    const errored = root.children[1]!.children[0]!.children[0]!;
    expect(errored).toMatchObject({ name: 'error', attributes: { type: 'invalid-json' } });
    expect(root.children[2]!.attributes.name).toBe(`suite bell nul lone surrogate"'&`);
  });
});
