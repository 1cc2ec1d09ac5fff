import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../spec/probe-result.ts';
import { fixtureRun } from './__fixtures__/fixture-runs.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();

function day(index: number): string {
  return new Date(Date.UTC(2025, 0, 1 + index)).toISOString();
}

describe('SqliteHistoryStore', () => {
  it('creates the file (and its directory), in WAL mode at the latest schema version', () => {
    const file = join(tempDir(), 'nested', 'history.sqlite');
    const store = openSqliteHistoryStore(file);
    store.close();
    expect(existsSync(file)).toBe(true);
    const again = openSqliteHistoryStore(file);
    again.close();
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('round-trips runs and results and orders them by start time', () => {
    const store = openSqliteHistoryStore(join(tempDir(), 'history.sqlite'));
    const fingerprint = ['choices[].message.content:string', 'id:string'];
    for (const index of [2, 0, 1]) {
      const run = fixtureRun({ runId: `run-${index}`, startedAt: day(index), shapeFingerprint: fingerprint });
      store.saveRun({ runId: `run-${index}`, name: 'mistral', runDir: `reports/run-${index}`, ...run });
    }
    const other = fixtureRun({ runId: 'other-0', name: 'openai', startedAt: day(5) });
    store.saveRun({ runId: 'other-0', name: 'openai', runDir: 'reports/other-0', ...other });

    expect(store.latestRuns('mistral', 10).map((run) => run.runId)).toEqual(['run-2', 'run-1', 'run-0']);
    expect(store.previousRun('mistral')?.runId).toBe('run-2');
    expect(store.previousRun('mistral', 'run-2')?.runId).toBe('run-1');
    expect(store.previousRun('mistral', 'run-0')).toBeNull();

    const latest = store.previousRun('mistral')!;
    const expected = fixtureRun({ runId: 'run-2', startedAt: day(2), shapeFingerprint: fingerprint });
    expect(latest.scorecard).toEqual(expected.scorecard);
    expect(latest.runDir).toBe('reports/run-2');
    expect(latest.scores.security).toBe(expected.scorecard.scores.security.score);
    expect(store.runResults('run-2')).toEqual(expected.results);
    expect(store.runResults('missing')).toEqual([]);

    const trend = store.trend('mistral', { limit: 2 });
    expect(trend.map((point) => point.runId)).toEqual(['run-1', 'run-2']);
    expect(trend[0]!.availability).toEqual({ samples: 100, successRate: 0.99 });
    store.close();
  });

  it('replaces a run saved twice instead of duplicating its rows', () => {
    const store = openSqliteHistoryStore(join(tempDir(), 'history.sqlite'));
    const first = fixtureRun({ runId: 'r', latencySamples: 5 });
    const second = fixtureRun({ runId: 'r', latencySamples: 3, components: { 'security.authStrength': 10 } });
    store.saveRun({ runId: 'r', name: 'mistral', runDir: 'a', ...first });
    store.saveRun({ runId: 'r', name: 'mistral', runDir: 'b', ...second });
    expect(store.latestRuns('mistral', 5)).toHaveLength(1);
    expect(store.runResults('r')).toHaveLength(second.results.length);
    expect(store.previousRun('mistral')?.runDir).toBe('b');
    store.close();
  });

  it('stores 100k probe rows in one transaction within seconds', () => {
    const store = openSqliteHistoryStore(join(tempDir(), 'history.sqlite'));
    const run = fixtureRun({ runId: 'big', latencySamples: 1 });
    const template = run.results[run.results.length - 1]!;
    const results: ProbeResult[] = Array.from({ length: 100_000 }, (_, index) => ({
      ...template,
      probe: `probe-${index % 500}`,
      repetition: Math.floor(index / 500) + 1,
    }));
    const started = performance.now();
    store.saveRun({
      runId: 'big',
      name: 'mistral',
      runDir: 'reports/big',
      scorecard: run.scorecard,
      results,
    });
    const elapsedMs = performance.now() - started;
    expect(store.runResults('big')).toHaveLength(100_000);
    expect(elapsedMs).toBeLessThan(10_000);
    store.close();
  });
});
