import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRun } from './__fixtures__/fixture-runs.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { benchHistory } from './bench-history.ts';
import type { TrendPoint } from './history-store.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';
import { categorySeries, formatHistoryTable, uptimeFromHistory } from './trend.ts';

const tempDir = useTempDir();

function point(
  day: number,
  samples: number,
  successRate: number | null,
  security: number | null = 80,
): TrendPoint {
  return {
    runId: `run-${day}`,
    startedAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
    complete: day % 2 === 0,
    scores: { agentFriendliness: 62, security, reliability: 82.4, dataProtection: null },
    availability: { samples, successRate },
  };
}

describe('trend', () => {
  it('builds per-category series from the store, oldest first', () => {
    const store = openSqliteHistoryStore(join(tempDir(), 'history.sqlite'));
    for (let day = 1; day <= 4; day++) {
      const run = fixtureRun({
        runId: `run-${day}`,
        startedAt: new Date(Date.UTC(2025, 0, day)).toISOString(),
        components: { 'security.authStrength': 60 + day * 5 },
      });
      store.saveRun({ runId: `run-${day}`, name: 'mistral', runDir: `r/${day}`, ...run });
    }
    const series = categorySeries(store.trend('mistral', { limit: 3 }));
    store.close();
    expect(series.security.map((entry) => [entry.runId, entry.score])).toEqual([
      ['run-2', 80],
      ['run-3', 81],
      ['run-4', 82],
    ]);
    expect(series.reliability).toHaveLength(3);
  });

  it('computes uptime weighted by request count over a window', () => {
    const runs = [point(1, 1000, 0.5), point(2, 100, 1), point(3, 300, 0.9), point(4, 0, null)];
    expect(uptimeFromHistory(runs)).toEqual({
      successRate: (500 + 100 + 270) / 1400,
      requests: 1400,
      successes: 870,
      runs: 3,
    });
    expect(uptimeFromHistory(runs, { runs: 3 })).toEqual({
      successRate: 370 / 400,
      requests: 400,
      successes: 370,
      runs: 2,
    });
    expect(uptimeFromHistory(runs, { since: '2025-01-03T00:00:00.000Z' }).successRate).toBe(0.9);
    expect(uptimeFromHistory([point(1, 0, null)]).successRate).toBeNull();
  });

  it('formats a plain-text history table with -- for unjudged scores', () => {
    const table = formatHistoryTable([point(1, 100, 0.99), point(2, 100, null, null)]);
    expect(table.split('\n')).toEqual([
      'started           run    AF  Sec  Rel  DP  avail  complete',
      '----------------  -----  --  ---  ---  --  -----  --------',
      '2025-01-01 00:00  run-1  62   80   82  --  99.0%  no',
      '2025-01-02 00:00  run-2  62   --   82  --     --  yes',
    ]);
  });

  it('benchmarks a trend query on a synthetic store (small size in tests)', async () => {
    const result = await benchHistory({ targets: 3, runsPerTarget: 20, probesPerRun: 5, trendQueries: 5 });
    expect(result).toMatchObject({ runs: 60, probeRows: 300, trendPoints: 20 });
    expect(result.trendMedianMs).toBeGreaterThanOrEqual(0);
    expect(result.databaseBytes).toBeGreaterThan(0);
  });
});
