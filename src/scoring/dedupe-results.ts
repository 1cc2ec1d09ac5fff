/** @module Collapses retries and merged shards to one ProbeResult per suite/probe/repetition. */
import type { ProbeResult } from '../spec/probe-result.ts';
import { resultKey } from '../spec/result-key.ts';

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Keeps the last attempt of every suite/probe/repetition (the highest `attempt`; on a tie, the later
 * line, as when shards are concatenated twice), sorted by suite, probe and repetition so the order
 * of the input lines never changes a score.
 */
export function dedupeResults(results: readonly ProbeResult[]): ProbeResult[] {
  const latest = new Map<string, ProbeResult>();
  for (const result of results) {
    const key = resultKey(result);
    const previous = latest.get(key);
    if (previous === undefined || result.attempt >= previous.attempt) latest.set(key, result);
  }
  return [...latest.values()].sort(
    (left, right) =>
      compareText(left.suite, right.suite) ||
      compareText(left.probe, right.probe) ||
      left.repetition - right.repetition,
  );
}

/** `suite/probe`, the id gotchas and profiles use to name a probe. */
export function probeId(result: Pick<ProbeResult, 'suite' | 'probe'>): string {
  return `${result.suite}/${result.probe}`;
}

/** Probe totals by final status, counted after deduplication. */
export function countProbes(results: readonly ProbeResult[]): {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
} {
  const counts = { total: results.length, passed: 0, failed: 0, errored: 0, skipped: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}
