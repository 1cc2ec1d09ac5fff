/** @module The library's `compareRuns(a, b)`: deltas, check flips, latency shifts and regressions between two run folders. */
import { join, resolve } from 'node:path';
import { type CompareOptions, compareRuns, type RunComparison } from '../history/compare-runs.ts';
import { readScoredRun } from '../run/run-folder.ts';

export type CompareRunsOptions = Pick<CompareOptions, 'threshold' | 'reportPath'>;

/**
 * Compares the run in `baseRunDir` with the one in `newRunDir` (threshold default 5 points; alerts
 * link to the new run's report.html unless `reportPath` says otherwise). `exitCode` is 1 when a
 * regression passed the threshold. Throws `RunFolderError` when a folder holds no scorecard.
 */
export function compareRunFolders(
  baseRunDir: string,
  newRunDir: string,
  options: CompareRunsOptions = {},
): RunComparison {
  const base = readScoredRun(resolve(baseRunDir));
  const next = readScoredRun(resolve(newRunDir));
  return compareRuns(base, next, {
    ...options,
    reportPath: options.reportPath ?? join(resolve(newRunDir), 'report.html'),
  });
}
