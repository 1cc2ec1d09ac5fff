/** @module Per-check verdicts of a run and the checks that flipped between two runs. */
import type { ProbeResult } from '../spec/probe-result.ts';

export type CheckVerdict = 'pass' | 'fail';

export interface CheckFlip {
  suite: string;
  probe: string;
  checkId: string;
  from: CheckVerdict;
  to: CheckVerdict;
}

/**
 * Verdict per (suite, probe, check) across repetitions: `fail` when any evaluation failed, `pass`
 * when all evaluated ones passed. Checks never evaluated (all null) have no verdict — unknown is
 * never a pass, and never a flip either.
 */
export function checkVerdicts(results: readonly ProbeResult[]): Map<string, CheckVerdict> {
  const verdicts = new Map<string, CheckVerdict>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.passed === null) continue;
      const key = JSON.stringify([result.suite, result.probe, check.id]);
      if (verdicts.get(key) === 'fail') continue;
      verdicts.set(key, check.passed ? 'pass' : 'fail');
    }
  }
  return verdicts;
}

export function checkFlips(base: readonly ProbeResult[], next: readonly ProbeResult[]): CheckFlip[] {
  const before = checkVerdicts(base);
  const flips: CheckFlip[] = [];
  for (const [key, to] of checkVerdicts(next)) {
    const from = before.get(key);
    if (from === undefined || from === to) continue;
    const [suite, probe, checkId] = JSON.parse(key) as [string, string, string];
    flips.push({ suite, probe, checkId, from, to });
  }
  return flips.sort((left, right) =>
    `${left.suite}/${left.probe}/${left.checkId}`.localeCompare(
      `${right.suite}/${right.probe}/${right.checkId}`,
    ),
  );
}
