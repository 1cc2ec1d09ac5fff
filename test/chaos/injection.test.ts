/** Injection: target text (model ids, error messages) is inert in report.html, report.md and junit.xml. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChaos, tempDir, withServer } from './chaos-run.ts';

const PAYLOAD =
  '<script>alert(1)</script> | `code` [x](javascript:alert(1)) \u0000\u0007\u001b[31m <!-- ]]> &amp; </testcase>';

/** A target whose model list and every error message carry the payload. */
function hostileTarget(
  request: import('node:http').IncomingMessage,
  response: import('node:http').ServerResponse,
): void {
  request.resume();
  if (request.url === '/v1/models') {
    response.writeHead(200, { 'content-type': 'application/json', 'x-note': 'a | b' });
    response.end(
      JSON.stringify({
        object: 'list',
        // The evaluated model is listed too, so the preflight lets the run reach the hostile bodies.
        data: [
          { id: PAYLOAD, object: 'model', owned_by: PAYLOAD },
          { id: 'mistral-small-latest', object: 'model', owned_by: PAYLOAD },
        ],
      }),
    );
    return;
  }
  response.writeHead(400, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ object: 'error', message: PAYLOAD, type: PAYLOAD, param: null, code: PAYLOAD }),
  );
}

/** Tags balanced and no raw control characters: enough for a JUnit consumer to parse it. */
function expectWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('target text in reports', () => {
  it('is escaped in HTML, neutralised in Markdown, harmless in JUnit XML', async () => {
    await withServer(hostileTarget, async (url) => {
      const junit = join(tempDir('junit'), 'junit.xml');
      const run = await runChaos(url, ['versions', 'errors'], ['--junit', junit]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.stringify(run.results)).toContain('alert(1)');

      const html = readFileSync(join(run.runDir, 'report.html'), 'utf8');
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);

      const markdown = readFileSync(join(run.runDir, 'report.md'), 'utf8');
      expect(markdown).not.toMatch(/<script/i);
      // Link brackets from the target are escaped (`\[x\](...)`), so no link is formed.
      expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(markdown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      // Paired backticks may stay code spans, but never around a tag: those are escaped as text.
      const ourTagsRemoved = markdown.replace(/<br>|<a id="[a-z0-9-]+"><\/a>/g, ' ');
      expect(ourTagsRemoved).not.toMatch(/(?<![\\`])`[^`\n]*[<>][^`\n]*`(?!`)/);
      expect(html).not.toMatch(/<code>[^<]*<(?!\/code>)/);
      // Every table row has as many unescaped cell separators as its table's header.
      let columns: number | null = null;
      for (const line of markdown.split('\n')) {
        if (!line.startsWith('|')) {
          columns = null;
          continue;
        }
        const cells = line.replace(/\\\|/g, '').split('|').length;
        columns ??= cells;
        expect(cells, line).toBe(columns);
      }

      expectWellFormedXml(readFileSync(junit, 'utf8'));
    });
  });
});
