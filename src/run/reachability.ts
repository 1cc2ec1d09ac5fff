/** @module The reachability verdict of a run: did any probe get an answer from the target, and did the budget run out? */
import type { ProbeResult } from '../spec/probe-result.ts';

export interface Reachability {
  /** false when every probe that tried to reach the target failed to, or the budget ran out first (exit 3). */
  reachedTarget: boolean;
  /** Probes were skipped because the request budget was spent. */
  budgetExhausted: boolean;
}

/** An errored probe that still saw an HTTP status did reach the target; a skipped one never tried. */
export function reachability(results: readonly ProbeResult[]): Reachability {
  const attempted = results.filter((result) => result.status !== 'skipped');
  const budgetExhausted = results.some((result) => result.reason === 'budget-exhausted');
  const budgetSpentFirst = attempted.length === 0 && budgetExhausted;
  const reachedTarget =
    !budgetSpentFirst &&
    (attempted.length === 0 ||
      attempted.some(
        (result) =>
          result.status !== 'errored' || result.evidence.some((evidence) => evidence.status !== null),
      ));
  return { reachedTarget, budgetExhausted };
}
