/**
 * The board end to end: the real CLI evaluates three sandbox profiles over loopback (three small
 * suites each, in parallel), builds the board from the run folders, and the page is driven in
 * headless Chromium: rows present, sorting, filtering, no request leaving the page. Each run's
 * report then carries an Alternatives section naming the other two, with where each differs.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteHistoryStore } from '../../src/history/sqlite-store.ts';
import { readScoredRun } from '../../src/run/run-folder.ts';
import { createAjv } from '../../src/suite/create-ajv.ts';
import { browserAvailable, launchChromium } from '../browser/chromium.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'agentscore-board-'));
const PROFILES = ['faithful', 'sloppy-json', 'looping-tools'] as const;
const NAMES = [
  'agentscore sandbox',
  'agentscore sandbox (sloppy-json)',
  'agentscore sandbox (looping-tools)',
];
const SUITES = ['--suite', 'json-mode', '--suite', 'tool-calls', '--suite', 'errors'];
const schema = JSON.parse(readFileSync(new URL('../../schemas/board.schema.json', import.meta.url), 'utf8'));

interface BoardJson {
  rows: { name: string; reportHref: string | null; components: Record<string, number | null> }[];
}

let board: BoardJson;

beforeAll(async () => {
  const runs = await Promise.all(
    PROFILES.map((profile) =>
      runCli(['demo', '--sandbox-profile', profile, '--out', join(root, profile), ...SUITES]),
    ),
  );
  for (const [index, run] of runs.entries())
    if (run.code !== 0) throw new Error(`demo ${PROFILES[index]} exited ${run.code}\n${run.stderr}`);
  const built = await runCli(['board', ...PROFILES, '--out', 'board', '--json'], {}, root);
  if (built.code !== 0) throw new Error(`board exited ${built.code}\n${built.stderr}`);
  board = JSON.parse(built.stdout) as BoardJson;
}, 120_000);

describe('agentscore board', () => {
  it('prints board.json on --json, valid against its schema, one row per target with its report link', () => {
    const validate = createAjv().compile(schema);
    expect(validate(board), JSON.stringify(validate.errors)).toBe(true);
    expect(board).toEqual(JSON.parse(readFileSync(join(root, 'board', 'board.json'), 'utf8')));
    expect(board.rows.map((row) => row.name).sort()).toEqual([...NAMES].sort());
    for (const profile of PROFILES)
      expect(board.rows.map((row) => row.reportHref)).toContain(`../${profile}/report.html`);
    const row = (name: string) => board.rows.find((candidate) => candidate.name === name)!;
    // The planted faults show where they belong: fenced JSON in structured output, loops in tool use.
    expect(row(NAMES[1]!).components['agentFriendliness.structuredOutput']).toBeLessThan(
      row(NAMES[0]!).components['agentFriendliness.structuredOutput']!,
    );
    expect(row(NAMES[2]!).components['agentFriendliness.toolUse']).toBeLessThan(
      row(NAMES[0]!).components['agentFriendliness.toolUse']!,
    );
    const markdown = readFileSync(join(root, 'board', 'board.md'), 'utf8');
    for (const profile of PROFILES) expect(markdown).toContain(`](../${profile}/report.html)`);
  });

  it('gives each report an Alternatives section naming the other two, with where each is worse', () => {
    const faithful = readFileSync(join(root, 'faithful', 'report.md'), 'utf8');
    const section = faithful.slice(faithful.indexOf('## Alternatives'));
    expect(section).toContain('](../sloppy-json/report.html)');
    expect(section).toContain('](../looping-tools/report.html)');
    expect(section).toMatch(/- Worse: [^\n]*Structured Output 100 → \d+/);
    expect(section).toMatch(/- Worse: [^\n]*Tool Use 100 → \d+/);
    for (const profile of ['sloppy-json', 'looping-tools']) {
      const markdown = readFileSync(join(root, profile, 'report.md'), 'utf8');
      expect(markdown).toContain('## Alternatives');
      expect(markdown).toContain('](../faithful/report.html)');
      expect(markdown).toMatch(/- Better: [^\n]*→ 100/);
      const html = readFileSync(join(root, profile, 'report.html'), 'utf8');
      expect(html).toContain('<section id="alternatives">');
      expect(html).toContain('<a href="../faithful/report.html">agentscore sandbox</a>');
    }
  });

  it('`report --alternatives` re-renders one report with another run as its alternative', async () => {
    const run = await runCli(['report', 'faithful', '--alternatives', 'sloppy-json'], {}, root);
    expect(run.code, run.stderr).toBe(0);
    const markdown = readFileSync(join(root, 'faithful', 'report.md'), 'utf8');
    expect(markdown).toContain('](../sloppy-json/report.html)');
    expect(markdown).not.toContain('](../looping-tools/report.html)');
  });
});

describe('board --db and stale', () => {
  const db = join(root, 'history.sqlite');
  const staleSchema = JSON.parse(
    readFileSync(new URL('../../schemas/stale.schema.json', import.meta.url), 'utf8'),
  );

  beforeAll(() => {
    const store = openSqliteHistoryStore(db);
    try {
      for (const profile of PROFILES) {
        const run = readScoredRun(join(root, profile));
        store.saveRun({ runId: `${profile}-1`, name: profile, runDir: join(root, profile), ...run });
      }
      // A target last evaluated long ago, whose folder is gone: listed by stale, marked on the board.
      const old = readScoredRun(join(root, 'faithful'));
      old.scorecard = {
        ...old.scorecard,
        startedAt: '2026-01-05T08:00:00.000Z',
        target: { ...old.scorecard.target, name: 'old target' },
      };
      store.saveRun({ runId: 'old-1', name: 'old', runDir: join(root, 'gone'), ...old });
    } finally {
      store.close();
    }
  });

  it('builds the board from the latest run of each name, marking the old one stale', async () => {
    const run = await runCli(['board', '--db', db, '--out', 'board-db', '--json', '--no-reports'], {}, root);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as {
      rows: { name: string; reportHref: string | null; staleness: { runStale: boolean } }[];
    };
    expect(document.rows.map((row) => row.name).sort()).toEqual([...NAMES, 'old target'].sort());
    const old = document.rows.find((row) => row.name === 'old target')!;
    expect(old).toMatchObject({ reportHref: null, staleness: { runStale: true } });
    expect(document.rows.filter((row) => row.staleness.runStale)).toHaveLength(1);
    expect(readFileSync(join(root, 'board-db', 'board.md'), 'utf8')).toContain('## Need re-evaluation');
  });

  it('stale --db lists the old target and exits 1; --json validates against its schema', async () => {
    const run = await runCli(['stale', '--db', db, '--json'], {}, root);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { targets: { name: string }[]; facts: unknown[] };
    const validate = createAjv().compile(staleSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.targets.map((target) => target.name)).toEqual(['old target']);
    expect(run.stderr).toContain('old target');
  });

  it('stale --profiles exits 1 on a fact past reverifyBy and 0 when every fact is fresh', async () => {
    const folder = join(root, 'profiles');
    mkdirSync(folder, { recursive: true });
    // Every fact fresh for good, so the test does not turn red when the real dates pass.
    const sandbox = readFileSync(
      new URL('../../fixtures/profiles/sandbox.yaml', import.meta.url),
      'utf8',
    ).replace(/reverifyBy: "\d{4}-\d{2}-\d{2}"/g, 'reverifyBy: "2999-12-31"');
    writeFileSync(
      join(folder, 'sandbox.yaml'),
      sandbox.replace('reverifyBy: "2999-12-31"', 'reverifyBy: "2026-01-31"'),
    );
    const stale = await runCli(['stale', '--profiles', '--profiles-dir', folder], {}, root);
    expect(stale.code, stale.stderr).toBe(1);
    expect(stale.stdout).toMatch(
      /1 facts past their re-verify date[^\n]*\n {2}sandbox: \S+ \(\S+\) re-verify by 2026-01-31/,
    );
    writeFileSync(join(folder, 'sandbox.yaml'), sandbox);
    const fresh = await runCli(['stale', '--profiles', '--profiles-dir', folder], {}, root);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('nothing stale');
  });
});

const HAS_CHROMIUM = browserAvailable('the board page test');

describe.skipIf(!HAS_CHROMIUM)('board.html in Chromium', () => {
  let context: BrowserContext;
  const requests: string[] = [];

  beforeAll(async () => {
    context = await launchChromium(root, { width: 1400, height: 900 });
    context.on('request', (request) => requests.push(request.url()));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows every row, sorts by a clicked column, filters, and sends no request', async () => {
    const page = await context.newPage();
    const url = pathToFileURL(join(root, 'board', 'board.html')).href;
    await page.goto(url, { waitUntil: 'load' });
    const names = () =>
      page
        .locator('#board tbody tr:not([hidden])')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.name));
    expect((await names()).sort()).toEqual([...NAMES].sort());

    // Structured Output, best first on the first click: the fenced-JSON profile ends up last.
    await page.locator('th[data-column="agentFriendliness.structuredOutput"] button').click();
    expect((await names()).at(-1)).toBe(NAMES[1]);
    await page.locator('th[data-column="agentFriendliness.structuredOutput"] button').click();
    expect((await names())[0]).toBe(NAMES[1]);
    expect(
      await page.locator('th[data-column="agentFriendliness.structuredOutput"]').getAttribute('aria-sort'),
    ).toBe('ascending');
    await page.locator('th[data-column="target"] button').click();
    expect(await names()).toEqual([...NAMES].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    await page.locator('#filter').fill('looping');
    expect(await names()).toEqual([NAMES[2]]);
    expect(await page.locator('#shown').textContent()).toBe('1');
    expect(await page.locator('.radar-target:visible').count()).toBe(1);
    await page.locator('#filter').fill('');
    expect(await names()).toHaveLength(3);

    await page.locator(`#board a:text-is("${NAMES[0]}")`).click();
    await page.waitForURL(/faithful\/report\.html$/);
    expect(await page.locator('#alternatives').isVisible()).toBe(true);
    await page.close();
    expect(requests).toContain(url);
    expect(
      requests.filter((request) => !request.startsWith('file:') && !request.startsWith('data:')),
    ).toEqual([]);
  });
});
