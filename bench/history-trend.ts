/**
 * @module bench/history-trend — a history of 365 runs × 20 targets (built by benchHistory), then one
 * target's trend query over all its runs plus its trend chart, timed together.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchHistory } from '../src/history/bench-history.ts';
import { openSqliteHistoryStore } from '../src/history/sqlite-store.ts';
import { renderTrendChart } from '../src/report/charts/trend-chart-file.ts';
import { median, round } from './percentile.ts';

export interface HistoryTrendOptions {
  targets: number;
  runsPerTarget: number;
  /** Timed repetitions (different targets); the median is reported. */
  repetitions: number;
}

export interface HistoryTrendFigures {
  history_trend_seconds: number;
}

export async function measureHistoryTrend(options: HistoryTrendOptions): Promise<HistoryTrendFigures> {
  const directory = mkdtempSync(join(tmpdir(), 'agentscore-bench-trend-'));
  try {
    await benchHistory({
      targets: options.targets,
      runsPerTarget: options.runsPerTarget,
      trendQueries: 1,
      directory,
    });
    const store = openSqliteHistoryStore(join(directory, 'history.sqlite'));
    try {
      const seconds: number[] = [];
      for (let repetition = 0; repetition < options.repetitions; repetition++) {
        const start = performance.now();
        const points = await store.trend(`target-${repetition % options.targets}`, {
          limit: options.runsPerTarget,
        });
        const chart = renderTrendChart(points);
        seconds.push((performance.now() - start) / 1000);
        if (points.length !== options.runsPerTarget || chart.png.length === 0) {
          throw new Error(`trend returned ${points.length} of ${options.runsPerTarget} runs`);
        }
      }
      return { history_trend_seconds: round(median(seconds), 3) };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
