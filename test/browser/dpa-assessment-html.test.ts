/** @module Opens dpa-assessment.html in headless Chromium: no network, readable, prints on A4. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mistralProfile } from '../../src/report/__fixtures__/profile.ts';
import { fixtureResults } from '../../src/report/__fixtures__/results.ts';
import { fullScorecard } from '../../src/report/__fixtures__/scorecards.ts';
import { writeDpaAssessment } from '../../src/report/dpa/write-dpa-assessment.ts';
import { browserAvailable, launchChromium } from './chromium.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const HAS_CHROMIUM = browserAvailable('the DPA browser test');

describe.skipIf(!HAS_CHROMIUM)('dpa-assessment.html in Chromium', () => {
  let workDir = '';
  let context: BrowserContext;
  let pageUrl = '';
  const requests: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'agentscore-dpa-browser-'));
    const runDir = join(workDir, 'run');
    await mkdir(runDir, { recursive: true });
    const results = fixtureResults();
    await writeFile(
      join(runDir, 'results.jsonl'),
      `${results.map((result) => JSON.stringify(result)).join('\n')}\n`,
    );
    await writeDpaAssessment({ runDir, scorecard: fullScorecard(), results, profile: mistralProfile() });
    pageUrl = pathToFileURL(join(runDir, 'dpa-assessment.html')).href;
    context = await launchChromium(workDir, { width: 1000, height: 900 });
    context.on('request', (request) => requests.push(request.url()));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('shows every section, makes no network request and prints on A4 without overflow', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    for (const id of ['processing', 'summary', 'article-28', 'facts', 'measures', 'questions']) {
      await expect(page.locator(`section#${id} h2`).isVisible()).resolves.toBe(true);
    }
    await expect(page.locator('#article-28 tbody tr').count()).resolves.toBe(8);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    // A4 is 210 mm wide; minus 2 × 16 mm margins that is ~673 CSS px: nothing may be wider.
    await page.setViewportSize({ width: 673, height: 1000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      path: join(ARTIFACTS, 'dpa-assessment.pdf'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(15);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(ARTIFACTS, 'dpa-assessment.png'), fullPage: true });
    await page.close();
  });
});
