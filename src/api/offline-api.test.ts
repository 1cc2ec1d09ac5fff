import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RunFolderError } from '../run/run-folder.ts';
import { compareRunFolders } from './compare-run-folders.ts';
import { loadSuiteFolder } from './load-suite-folder.ts';
import { renderReports } from './render-reports.ts';
import { score } from './score.ts';
import { validateRunFolder } from './validate-run-files.ts';

const DEMO_RESULTS = fileURLToPath(
  new URL('../scoring/__fixtures__/faithful-demo-results.jsonl', import.meta.url),
);

/** A run folder as `run` leaves it before scoring: run.json and the recorded demo results. */
function recordedRun(): string {
  const runDir = mkdtempSync(join(tmpdir(), 'agentscore-api-'));
  copyFileSync(DEMO_RESULTS, join(runDir, 'results.jsonl'));
  const manifest = {
    schemaVersion: 1,
    runId: 'f2e46770-dfe6-440d-9063-c4a8222dc1ca',
    harnessVersion: '0.1.0',
    target: {
      name: 'agentscore sandbox',
      provider: 'mistral',
      baseUrl: 'http://127.0.0.1:8787/v1',
      model: 'mistral-small-latest',
      apiKeyEnv: 'AGENTSCORE_SANDBOX_KEY',
      profile: 'sandbox',
    },
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:00:30.000Z',
    complete: true,
    suites: ['auth', 'data-handling', 'errors'],
    shard: null,
    planned: 84,
  };
  writeFileSync(join(runDir, 'run.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return runDir;
}

describe('the library API offline', () => {
  it('scores a recorded run byte-identically, renders its reports, and the folder validates', async () => {
    const runDir = recordedRun();
    const first = await score(runDir);
    const written = readFileSync(first.files.scorecard, 'utf8');
    expect(first.results).toHaveLength(84);
    expect(first.scorecard.scores.security.score).toEqual(expect.any(Number));
    expect(JSON.parse(written)).toEqual(first.scorecard);
    await score(runDir);
    expect(readFileSync(first.files.scorecard, 'utf8')).toBe(written);
    const paths = await renderReports(runDir, { reporters: ['markdown'] });
    expect(paths).toEqual([join(runDir, 'report.md')]);
    expect(readFileSync(paths[0]!, 'utf8')).toContain('agentscore sandbox');
    expect(validateRunFolder(runDir)).toEqual([]);
    const comparison = compareRunFolders(runDir, runDir);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.exitCode).toBe(0);
  });

  it('throws typed errors for a folder that holds no run', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'agentscore-api-empty-'));
    await expect(score(empty)).rejects.toBeInstanceOf(RunFolderError);
    await expect(renderReports(empty)).rejects.toMatchObject({ code: 'E_RUN_FOLDER' });
    expect(() => compareRunFolders(empty, empty)).toThrow(RunFolderError);
  });

  it('loads the shipped suites', async () => {
    const suites = await loadSuiteFolder();
    expect(suites.map((suite) => suite.id)).toEqual(
      expect.arrayContaining(['auth', 'errors', 'data-handling']),
    );
  });
});
