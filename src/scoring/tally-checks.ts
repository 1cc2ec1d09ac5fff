/** @module Counts passed and failed results per check id (null verdicts are not applicable and ignored). */
import type { CheckResult } from '../spec/probe-result.ts';

export interface CheckTally {
  passed: number;
  failed: number;
}

/** Tallies verdicts by check id; ids seen only with null verdicts get a zero tally. */
export function tallyChecks(checks: readonly CheckResult[]): Map<string, CheckTally> {
  const tallies = new Map<string, CheckTally>();
  for (const check of checks) {
    const tally = tallies.get(check.id) ?? { passed: 0, failed: 0 };
    if (check.passed === true) tally.passed += 1;
    if (check.passed === false) tally.failed += 1;
    tallies.set(check.id, tally);
  }
  return tallies;
}

/** failed / (passed + failed), or null without evidence. */
export function failRate(tally: CheckTally | undefined): number | null {
  if (tally === undefined) return null;
  const evaluated = tally.passed + tally.failed;
  return evaluated === 0 ? null : tally.failed / evaluated;
}
