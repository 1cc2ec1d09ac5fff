/** @module Nearest-rank percentiles (p50/p95/p99) with their sample count. */
import type { Percentiles } from '../spec/scorecard.ts';

/** Nearest-rank percentile of ascending `sorted` values: the value at rank ceil(p/100 × n); null when empty. */
export function nearestRank(sorted: readonly number[], percentile: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/** p50/p95/p99 of the finite values; every percentile is an observed sample, never interpolated. */
export function percentiles(values: readonly number[]): Percentiles & { samples: number } {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((left, right) => left - right);
  return {
    p50: nearestRank(sorted, 50),
    p95: nearestRank(sorted, 95),
    p99: nearestRank(sorted, 99),
    samples: sorted.length,
  };
}
