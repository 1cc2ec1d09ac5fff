/** @module Opens report.html in headless Chromium: scores visible, no network, readable at 375 px. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mistralProfile } from '../../src/report/__fixtures__/profile.ts';
import { fixtureResults } from '../../src/report/__fixtures__/results.ts';
import { fullScorecard } from '../../src/report/__fixtures__/scorecards.ts';
import { writeReports } from '../../src/report/write-reports.ts';
import { browserAvailable, CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const HAS_CHROMIUM = browserAvailable('the browser test');

describe.skipIf(!HAS_CHROMIUM)('report.html in Chromium', () => {
  let workDir = '';
  let context: BrowserContext;
  let reportUrl = '';
  const requests: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'agentscore-browser-'));
    const runDir = join(workDir, 'run');
    const history = [
      {
        runId: 'earlier',
        startedAt: '2026-03-01T09:00:00Z',
        scores: { agentFriendliness: 58, security: 80 },
      },
    ];
    await writeReports({
      runDir,
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      history,
    });
    reportUrl = pathToFileURL(join(runDir, 'report.html')).href;
    context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1200, height: 900 },
    });
    context.on('request', (request) => requests.push(request.url()));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('shows the three headline scores, makes no network request and saves a screenshot', async () => {
    const page = await context.newPage();
    await page.goto(reportUrl, { waitUntil: 'load' });
    for (const [category, score] of [
      ['agentFriendliness', '62'],
      ['security', '83'],
      ['reliability', '82'],
    ] as const) {
      const element = page.locator(`[data-score="${category}"]`);
      expect(await element.isVisible()).toBe(true);
      expect((await element.textContent())?.trim()).toBe(score);
    }
    const images = await page
      .locator('img')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLImageElement).naturalWidth));
    expect(images.length).toBeGreaterThanOrEqual(4);
    expect(images.every((width) => width > 0)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
    // The listener sees the page's own file: load, so an empty remainder means no network at all.
    expect(requests).toContain(reportUrl);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('fits a 375 px phone without horizontal scrolling', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(reportUrl, { waitUntil: 'load' });
    expect(await page.locator('[data-score="security"]').isVisible()).toBe(true);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, 'report-375.png'), fullPage: true });
    await page.close();
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });
});
