/** @module Trends over stored runs: per-category series, uptime from availability samples, a text table. */
import { CATEGORY_IDS, type CategoryId } from '../spec/scorecard.ts';
import type { TrendPoint } from './history-store.ts';

export interface SeriesPoint {
  runId: string;
  startedAt: string;
  score: number | null;
}

/** One series per category, in the order of `points` (oldest first as `store.trend` returns them). */
export function categorySeries(points: readonly TrendPoint[]): Record<CategoryId, SeriesPoint[]> {
  const series = {} as Record<CategoryId, SeriesPoint[]>;
  for (const category of CATEGORY_IDS) {
    series[category] = points.map((point) => ({
      runId: point.runId,
      startedAt: point.startedAt,
      score: point.scores[category],
    }));
  }
  return series;
}

export interface UptimeWindow {
  /** Only the newest N runs. */
  runs?: number;
  /** Only runs started at or after this ISO time. */
  since?: string;
}

export interface Uptime {
  /** Successful requests / requests over the window; null when no run in it measured availability. */
  successRate: number | null;
  requests: number;
  successes: number;
  runs: number;
}

/**
 * Successful-request rate over a window of runs, weighting each run by its availability sample count
 * (so a short run cannot outvote a long one). Feeds reliability.uptimeSla.
 */
export function uptimeFromHistory(runs: readonly TrendPoint[], window: UptimeWindow = {}): Uptime {
  const sinceMs = window.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(window.since);
  let inWindow = [...runs]
    .filter((run) => Date.parse(run.startedAt) >= sinceMs)
    .sort((left, right) => left.startedAt.localeCompare(right.startedAt));
  if (window.runs !== undefined) inWindow = inWindow.slice(Math.max(0, inWindow.length - window.runs));
  let requests = 0;
  let successes = 0;
  let counted = 0;
  for (const run of inWindow) {
    const { samples, successRate } = run.availability;
    if (successRate === null || samples <= 0) continue;
    requests += samples;
    successes += Math.round(successRate * samples);
    counted++;
  }
  return { successRate: requests > 0 ? successes / requests : null, requests, successes, runs: counted };
}

const HEADINGS = ['started', 'run', 'AF', 'Sec', 'Rel', 'DP', 'avail', 'complete'];

function cell(value: number | null): string {
  return value === null ? '--' : String(Math.round(value));
}

/** Plain-text table for `agentscore history`: one row per run, `--` for unjudged scores. */
export function formatHistoryTable(runs: readonly TrendPoint[]): string {
  const rows = runs.map((run) => [
    run.startedAt.slice(0, 16).replace('T', ' '),
    run.runId,
    cell(run.scores.agentFriendliness),
    cell(run.scores.security),
    cell(run.scores.reliability),
    cell(run.scores.dataProtection),
    run.availability.successRate === null ? '--' : `${(run.availability.successRate * 100).toFixed(1)}%`,
    run.complete ? 'yes' : 'no',
  ]);
  const table = [HEADINGS, ...rows];
  const widths = HEADINGS.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3, 4, 5, 6]);
  const render = (row: string[]) =>
    row
      .map((text, column) =>
        numeric.has(column) ? text.padStart(widths[column]!) : text.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(HEADINGS), rule, ...rows.map(render)].join('\n');
}
