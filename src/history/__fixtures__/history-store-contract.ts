/**
 * @module The behaviours every HistoryStore backend must show, run by each backend's test file
 * against a fresh, empty store (`openStore`), so SQLite and PostgreSQL are held to one contract.
 */
import { expect, it } from 'vitest';
import type { ProbeResult } from '../../spec/probe-result.ts';
import type { HistoryStore } from '../history-store.ts';
import type { Incident } from '../monitor-incident.ts';
import { fixtureRun } from './fixture-runs.ts';

function day(index: number): string {
  return new Date(Date.UTC(2025, 0, 1 + index)).toISOString();
}

export function runHistoryStoreContract(openStore: () => Promise<HistoryStore>): void {
  it('round-trips runs and results and orders them by start time', async () => {
    const store = await openStore();
    const fingerprint = ['choices[].message.content:string', 'id:string'];
    for (const index of [2, 0, 1]) {
      const run = fixtureRun({ runId: `run-${index}`, startedAt: day(index), shapeFingerprint: fingerprint });
      await store.saveRun({ runId: `run-${index}`, name: 'mistral', runDir: `reports/run-${index}`, ...run });
    }
    const other = fixtureRun({ runId: 'other-0', name: 'openai', startedAt: day(5) });
    await store.saveRun({ runId: 'other-0', name: 'openai', runDir: 'reports/other-0', ...other });

    expect(await store.runNames()).toEqual(['mistral', 'openai']);
    expect((await store.latestRuns('mistral', 10)).map((run) => run.runId)).toEqual([
      'run-2',
      'run-1',
      'run-0',
    ]);
    expect((await store.previousRun('mistral'))?.runId).toBe('run-2');
    expect((await store.previousRun('mistral', 'run-2'))?.runId).toBe('run-1');
    expect(await store.previousRun('mistral', 'run-0')).toBeNull();
    expect((await store.previousRun('mistral', 'unknown'))?.runId).toBe('run-2');

    const latest = (await store.previousRun('mistral'))!;
    const expected = fixtureRun({ runId: 'run-2', startedAt: day(2), shapeFingerprint: fingerprint });
    expect(latest.scorecard).toEqual(expected.scorecard);
    expect(latest.runDir).toBe('reports/run-2');
    expect(latest.complete).toBe(expected.scorecard.complete);
    expect(latest.scores.security).toBe(expected.scorecard.scores.security.score);
    expect(await store.runResults('run-2')).toEqual(expected.results);
    expect(await store.runResults('missing')).toEqual([]);

    const trend = await store.trend('mistral', { limit: 2 });
    expect(trend.map((point) => point.runId)).toEqual(['run-1', 'run-2']);
    expect(trend[0]!.availability).toEqual({ samples: 100, successRate: 0.99 });
    await store.close();
  });

  it('stores what a hostile target sent, NUL characters included', async () => {
    const store = await openStore();
    const run = fixtureRun({ runId: 'hostile', startedAt: day(9) });
    const [first, ...rest] = run.results;
    const hostile = { ...first!, reasonDetail: 'bad\u0000byte', probe: 'nul\u0000probe' };
    await store.saveRun({
      runId: 'hostile',
      name: 'mistral',
      runDir: 'reports/hostile',
      ...run,
      results: [hostile, ...rest],
    });
    const [read] = await store.runResults('hostile');
    expect(read?.probe.startsWith('nul')).toBe(true);
    expect(read?.reasonDetail?.startsWith('bad')).toBe(true);
    await store.close();
  });

  it('orders runs with equal start times by run id, bytewise', async () => {
    const store = await openStore();
    // A locale collation would sort "run_b" before "run-a" or ignore the punctuation; SQLite compares bytes.
    for (const runId of ['run_b', 'run-a', 'runZ']) {
      await store.saveRun({
        runId,
        name: 'same',
        runDir: runId,
        ...fixtureRun({ runId, startedAt: day(1) }),
      });
    }
    expect((await store.latestRuns('same', 5)).map((run) => run.runId)).toEqual(['run_b', 'runZ', 'run-a']);
    expect((await store.previousRun('same', 'runZ'))?.runId).toBe('run-a');
    await store.close();
  });

  it('replaces a run saved twice instead of duplicating its rows', async () => {
    const store = await openStore();
    const first = fixtureRun({ runId: 'r', latencySamples: 5 });
    const second = fixtureRun({ runId: 'r', latencySamples: 3, components: { 'security.authStrength': 10 } });
    await store.saveRun({ runId: 'r', name: 'mistral', runDir: 'a', ...first });
    await store.saveRun({ runId: 'r', name: 'mistral', runDir: 'b', ...second });
    expect(await store.latestRuns('mistral', 5)).toHaveLength(1);
    expect(await store.runResults('r')).toHaveLength(second.results.length);
    expect((await store.previousRun('mistral'))?.runDir).toBe('b');
    await store.close();
  });

  it('stores 100k probe rows in one transaction within seconds', async () => {
    const store = await openStore();
    const run = fixtureRun({ runId: 'big', latencySamples: 1 });
    const template = run.results[run.results.length - 1]!;
    const results: ProbeResult[] = Array.from({ length: 100_000 }, (_, index) => ({
      ...template,
      probe: `probe-${index % 500}`,
      repetition: Math.floor(index / 500) + 1,
    }));
    const started = performance.now();
    await store.saveRun({
      runId: 'big',
      name: 'mistral',
      runDir: 'reports/big',
      scorecard: run.scorecard,
      results,
    });
    const elapsedMs = performance.now() - started;
    const stored = await store.runResults('big');
    expect(stored).toHaveLength(100_000);
    expect(stored[99_999]).toEqual(results[99_999]);
    expect(elapsedMs).toBeLessThan(10_000);
    await store.close();
  });

  it('keeps one open incident per name, updates it in place and forgets it once closed', async () => {
    const store = await openStore();
    expect(await store.openIncident('mistral')).toBeNull();
    const incident: Incident = {
      name: 'mistral',
      openedRunId: 'run-2',
      openedAt: day(2),
      baselineRunId: 'run-1',
      status: 'open',
      alerted: {
        'category:security': { what: 'Security', value: 71 },
        'check:auth/no-key/rejected': { what: 'check rejected (auth/no-key)', value: 'fail' },
      },
      lastAlertRunId: 'run-2',
      quietRuns: 0,
      closedRunId: null,
      closedAt: null,
    };
    expect(await store.saveIncident(incident)).toBe(true);
    expect(await store.saveIncident({ ...incident, name: 'openai', openedRunId: 'other-2' })).toBe(true);
    expect(await store.openIncident('mistral')).toEqual(incident);
    // A second monitor of the same name that opened its own incident meanwhile is refused.
    expect(await store.saveIncident({ ...incident, openedRunId: 'run-3', openedAt: day(3) })).toBe(false);
    expect(await store.openIncident('mistral')).toEqual(incident);

    const quieter = { ...incident, quietRuns: 3 };
    await store.saveIncident(quieter);
    expect(await store.openIncident('mistral')).toEqual(quieter);

    await store.saveIncident({ ...quieter, status: 'closed', closedRunId: 'run-6', closedAt: day(6) });
    expect(await store.openIncident('mistral')).toBeNull();
    expect((await store.openIncident('openai'))?.openedRunId).toBe('other-2');
    await store.close();
  });
}
