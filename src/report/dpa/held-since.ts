/**
 * @module "Since when has erasure been verified?": for each tested measure, the stretch of stored
 * runs, newest backwards, in which it was verified without a break. Pure; the caller reads history.
 */
import type { ProbeResult } from '../../spec/probe-result.ts';
import { TESTED_MEASURES } from './dpa-catalogue.ts';

export interface HistoricRun {
  startedAt: string;
  results: readonly ProbeResult[];
}

type RunVerdict = 'verified' | 'failed' | 'not tested';

function verdictIn(checks: readonly string[], results: readonly ProbeResult[]): RunVerdict {
  let passed = 0;
  for (const result of results) {
    for (const check of result.checks) {
      if (!checks.includes(check.id) || check.passed === null) continue;
      if (check.passed === false) return 'failed';
      passed += 1;
    }
  }
  return passed > 0 ? 'verified' : 'not tested';
}

/**
 * Runs newest first. A run that did not test the measure neither breaks nor extends the stretch
 * (a skipped erasure probe says nothing); a failure ends it.
 */
export function measuresHeldSince(
  runsNewestFirst: readonly HistoricRun[],
): Record<string, { since: string; runs: number }> {
  const held: Record<string, { since: string; runs: number }> = {};
  for (const measure of TESTED_MEASURES) {
    let since: string | null = null;
    let runs = 0;
    for (const run of runsNewestFirst) {
      const verdict = verdictIn(measure.checks, run.results);
      if (verdict === 'failed') break;
      if (verdict === 'not tested') continue;
      since = run.startedAt;
      runs += 1;
    }
    if (since) held[measure.id] = { since, runs };
  }
  return held;
}
