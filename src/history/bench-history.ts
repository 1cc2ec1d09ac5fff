/**
 * @module History benchmark workload: a store with 365 runs × 20 targets (synthetic), then timed
 * trend queries. Returns numbers; printing is the benchmark runner's job.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProbeResult } from '../spec/probe-result.ts';
import { CATEGORY_COMPONENTS, CATEGORY_IDS, type Scorecard } from '../spec/scorecard.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

export interface BenchHistoryOptions {
  targets?: number;
  runsPerTarget?: number;
  /** Probe rows stored per run; default 10. */
  probesPerRun?: number;
  /** Trend queries timed (one per target, round-robin); default 50. */
  trendQueries?: number;
  /** Directory for the database; a temporary one (deleted afterwards) when omitted. */
  directory?: string;
}

export interface BenchHistoryResult {
  runs: number;
  probeRows: number;
  buildMs: number;
  databaseBytes: number;
  trendPoints: number;
  trendMedianMs: number;
  trendP95Ms: number;
}

function syntheticScore(seed: number): number {
  return 50 + ((seed * 2654435761) % 50);
}

function syntheticScorecard(name: string, day: number, seed: number): Scorecard {
  const startedAt = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
  const scores = {} as Scorecard['scores'];
  for (const category of CATEGORY_IDS) {
    const components = Object.fromEntries(
      CATEGORY_COMPONENTS[category].map((component, index) => [
        component,
        { score: syntheticScore(seed + index), source: 'measured' as const, evidence: [], notes: '' },
      ]),
    );
    scores[category] = { score: syntheticScore(seed), components };
  }
  const percentiles = { p50: 300, p95: 450, p99: 600 };
  return {
    schemaVersion: 1,
    harnessVersion: 'bench',
    rubricVersion: 'bench',
    startedAt,
    finishedAt: startedAt,
    complete: true,
    target: { name, provider: 'openai-compatible', baseUrl: 'http://127.0.0.1', model: 'bench' },
    scores,
    metrics: {
      latency: {
        samples: 10,
        ttftMs: percentiles,
        ttfbMs: percentiles,
        e2eMs: percentiles,
        interTokenMs: percentiles,
        outputTokensPerSecond: percentiles,
      },
      jsonMode: { samples: 10, declaredCoverage: 1, validRate: 1, schemaValidRate: 1 },
      toolCalls: { samples: 10, forcedCallRate: 1, validArgumentsRate: 1, repeatedCallRate: 0 },
      availability: { samples: 100, successRate: 0.95 + (seed % 5) / 100 },
    },
    probes: { total: 0, passed: 0, failed: 0, errored: 0, skipped: 0 },
    gotchas: [],
  };
}

function syntheticResults(runId: string, count: number): ProbeResult[] {
  return Array.from({ length: count }, (_, index) => ({
    schemaVersion: 1,
    runId,
    suite: 'bench',
    probe: `probe-${index}`,
    kind: 'http',
    repetition: 1,
    attempt: 1,
    status: 'passed',
    reason: null,
    checks: [{ id: `check-${index}`, component: null, passed: true, detail: 'ok' }],
    timings: { startedAt: '2024-01-01T00:00:00.000Z', durationMs: 100, ttftMs: 50, e2eMs: 100 },
    measurements: { latency: true },
    evidence: [],
  }));
}

export async function benchHistory(options: BenchHistoryOptions = {}): Promise<BenchHistoryResult> {
  const targets = options.targets ?? 20;
  const runsPerTarget = options.runsPerTarget ?? 365;
  const probesPerRun = options.probesPerRun ?? 10;
  const trendQueries = options.trendQueries ?? 50;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'agentscore-bench-history-'));
  const file = join(directory, 'history.sqlite');
  const store = openSqliteHistoryStore(file);
  try {
    const buildStart = performance.now();
    for (let day = 0; day < runsPerTarget; day++) {
      for (let target = 0; target < targets; target++) {
        const runId = `bench-${target}-${day}`;
        const scorecard = syntheticScorecard(`target-${target}`, day, day * targets + target);
        store.saveRun({
          runId,
          name: `target-${target}`,
          runDir: join(directory, runId),
          scorecard,
          results: syntheticResults(runId, probesPerRun),
        });
      }
    }
    const buildMs = performance.now() - buildStart;
    const timings: number[] = [];
    let trendPoints = 0;
    for (let query = 0; query < trendQueries; query++) {
      const start = performance.now();
      trendPoints = store.trend(`target-${query % targets}`, { limit: runsPerTarget }).length;
      timings.push(performance.now() - start);
    }
    timings.sort((left, right) => left - right);
    const at = (fraction: number) =>
      timings[Math.min(timings.length - 1, Math.floor(fraction * timings.length))] ?? 0;
    return {
      runs: targets * runsPerTarget,
      probeRows: targets * runsPerTarget * probesPerRun,
      buildMs,
      databaseBytes: statSync(file).size,
      trendPoints,
      trendMedianMs: at(0.5),
      trendP95Ms: at(0.95),
    };
  } finally {
    store.close();
    if (options.directory === undefined) rmSync(directory, { recursive: true, force: true });
  }
}
