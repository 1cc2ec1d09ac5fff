/**
 * @module board.html at 200 targets in headless Chromium: every row and radar polygon drawn, sorting
 * keeps unjudged cells last both ways, the filter hides rows and their polygons, a hostile name stays
 * text, and the page sends no request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticEntries } from '../../src/board/__fixtures__/board-entries.ts';
import { writeBoard } from '../../src/board/write-board.ts';
import { HOSTILE } from '../../src/report/__fixtures__/scorecards.ts';
import { browserAvailable, launchChromium } from './chromium.ts';

const HAS_CHROMIUM = browserAvailable('the board.html browser test');
const TARGETS = 200;

describe.skipIf(!HAS_CHROMIUM)('board.html with 200 targets in Chromium', () => {
  let workDir = '';
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'agentscore-board-html-'));
    const entries = syntheticEntries(TARGETS);
    entries[0]!.scorecard.target.name = `${HOSTILE.script}${HOSTILE.image}`;
    await writeBoard({ entries, outDir: workDir, now: new Date('2026-11-26T00:00:00Z') });
    context = await launchChromium(workDir, { width: 1400, height: 900 });
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(join(workDir, 'board.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const column = (id: string) =>
    page.locator('#board tbody tr:not([hidden])').evaluateAll(
      (rows, id) =>
        rows.map((row) => {
          const index = [...row.closest('table')!.tHead!.rows[0]!.cells].findIndex(
            (cell) => (cell as HTMLElement).dataset.column === id,
          );
          return (row as HTMLTableRowElement).cells[index]!.dataset.sort ?? '';
        }),
      id,
    );

  it('draws every row and every radar polygon', async () => {
    expect(await page.locator('#board tbody tr').count()).toBe(TARGETS);
    expect(await page.locator('.radar-target').count()).toBe(TARGETS);
  });

  it('sorts numerically high-first then low-first, unjudged cells last both ways', async () => {
    const header = page.locator('th[data-column="security"] button');
    await header.click();
    const descending = await column('security');
    const judged = descending.filter((value) => value !== '').map(Number);
    expect(judged).toEqual([...judged].sort((a, b) => b - a));
    expect(descending.slice(judged.length).every((value) => value === '')).toBe(true);
    expect(judged.length).toBeLessThan(TARGETS);
    await header.click();
    const ascending = await column('security');
    expect(ascending.slice(0, judged.length).map(Number)).toEqual([...judged].reverse());
    expect(ascending.slice(judged.length).every((value) => value === '')).toBe(true);
  });

  it('filters rows and their radar polygons by text', async () => {
    await page.locator('#filter').fill('target-19');
    const shown = await page
      .locator('#board tbody tr:not([hidden])')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.name).sort());
    expect(shown).toEqual(Array.from({ length: 10 }, (_, index) => `target-${190 + index}`));
    expect(await page.locator('#shown').textContent()).toBe('10');
    expect(await page.locator('.radar-target:visible').count()).toBe(10);
    await page.locator('#filter').fill('stale');
    const stale = await page.locator('#board tbody tr:not([hidden])').count();
    expect(stale).toBe(await page.locator('#board tbody tr.stale').count());
    await page.locator('#filter').fill('');
    expect(await page.locator('#board tbody tr:not([hidden])').count()).toBe(TARGETS);
  });

  it('shows a hostile target name as text, runs none of it, and sends no request', async () => {
    expect(await page.locator(`#board tbody tr[data-name="${HOSTILE.script}${HOSTILE.image}"]`).count()).toBe(
      1,
    );
    expect(await page.locator('#board img, #board script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });
});
