/** @module What one check contributes to a component: samples, the share of its points earned, and its failures. */
import type { CheckResult } from '../spec/probe-result.ts';
import type { RubricScoring } from '../spec/rubric.ts';
import { availabilityPoints } from './band-points.ts';

/** One check's judged evidence, measured (tallied from check results) or derived (computed by the scorer). */
export interface CheckEvidence {
  id: string;
  /** Verdicts (or, for derived checks, exchanges, groups or timings) behind it. */
  samples: number;
  /** Share (0-1) of the check's points earned. */
  credit: number;
  /** Share (0-1) of the samples that failed; caps compare it with their threshold. */
  failShare: number;
  /** Failed samples, for gotchas (partial failures included). */
  failed: number;
  /** Why, in one line, for derived checks (measured ones keep their probe details). */
  detail?: string;
  /** `suite/probe` ids behind the failures of a derived check. */
  probeIds?: string[];
}

/** Checks mapped through `scoring.availabilityBands` instead of a linear share. */
const AVAILABILITY_CHECKS = new Set(['availability', 'availability-history']);

export interface CheckTally {
  passed: number;
  /** Full failures. */
  failed: number;
  /** Failures marked `partial` (e.g. only the offending value echoed). */
  partial: number;
  /** Samples the target's failure (a 5xx) kept from a verdict: unearned, never failed. */
  lost: number;
}

/** Tallies verdicts by check id; ids seen only with null verdicts get a zero tally. */
export function tallyChecks(
  checks: readonly (CheckResult & { lostToTarget?: true })[],
): Map<string, CheckTally> {
  const tallies = new Map<string, CheckTally>();
  for (const check of checks) {
    const tally = tallies.get(check.id) ?? { passed: 0, failed: 0, partial: 0, lost: 0 };
    if (check.lostToTarget) tally.lost += 1;
    else if (check.passed === true) tally.passed += 1;
    else if (check.passed === false && check.partial === true) tally.partial += 1;
    else if (check.passed === false) tally.failed += 1;
    tallies.set(check.id, tally);
  }
  return tallies;
}

/** Evidence for a measured check from its tally; null when no verdict was reached. */
export function measuredEvidence(
  id: string,
  tally: CheckTally | undefined,
  scoring: RubricScoring,
): CheckEvidence | null {
  if (tally === undefined) return null;
  const samples = tally.passed + tally.failed + tally.partial;
  if (samples === 0) return null;
  const failed = tally.failed + tally.partial;
  if (AVAILABILITY_CHECKS.has(id)) {
    const successRate = tally.passed / samples;
    return {
      id,
      samples,
      credit: availabilityPoints(successRate, scoring.availabilityBands) / 100,
      failShare: failed / samples,
      failed,
    };
  }
  const partialLoss = 1 - scoring.partialCheckCredit;
  return {
    id,
    samples,
    credit: (tally.passed + tally.partial * scoring.partialCheckCredit) / (samples + tally.lost),
    failShare: (tally.failed + tally.partial * partialLoss) / samples,
    failed,
  };
}
