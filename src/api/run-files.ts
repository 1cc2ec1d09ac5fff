/** @module The files of a run folder, as the library and `--json` documents name them (absolute paths). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_EVIDENCE_FILE, manifestPath, resultsPath, scorecardPath } from '../run/run-folder.ts';

export interface RunFiles {
  /** run.json */
  manifest: string;
  /** results.jsonl */
  results: string;
  /** scorecard.json */
  scorecard: string;
  /** history-evidence.json, when the run was monitored. */
  historyEvidence: string | null;
  /** What the reporters wrote (report.md, report.html, charts, ...). */
  reports: string[];
}

export function runFiles(runDir: string, reports: readonly string[]): RunFiles {
  const historyEvidence = join(runDir, HISTORY_EVIDENCE_FILE);
  return {
    manifest: manifestPath(runDir),
    results: resultsPath(runDir),
    scorecard: scorecardPath(runDir),
    historyEvidence: existsSync(historyEvidence) ? historyEvidence : null,
    reports: [...reports],
  };
}
