/** @module One evaluation end to end: run the suites, score, write scorecard and reports. */

import { registryNames } from '../probes/registry.ts';
import type { Provider } from '../providers/provider.ts';
import type { HistoryPoint } from '../report/report-rows.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import { writeReports } from '../report/write-reports.ts';
import type { HistoryEvidence } from '../spec/probe-result.ts';
import type { Target } from '../spec/target.ts';
import { loadSuites } from '../suite/load-suites.ts';
import { writeHistoryEvidence } from './history-evidence-file.ts';
import type { Shard } from './plan-probes.ts';
import { PROJECT_PATHS } from './project-paths.ts';
import { type RunEvents, type RunSuitesOptions, type RunSummary, runSuites } from './run-suites.ts';
import { type ScoredRun, scoreRun } from './score-run.ts';

export interface EvaluateOptions {
  target: Target;
  provider: Provider;
  runDir: string;
  suitesDir?: string;
  onlySuites?: string[];
  concurrency: number;
  timeoutMs: number;
  shard?: Shard;
  budgetRequests?: number;
  resume?: boolean;
  junitFile?: string;
  reporters?: readonly ReporterName[];
  /** Monitoring: tallies from stored runs, written to history-evidence.json before scoring. */
  historyEvidence?: HistoryEvidence[];
  /** Monitoring: earlier runs of this name, for the trend chart. */
  history?: HistoryPoint[];
  signal: AbortSignal;
  events?: RunEvents;
  canaries?: RunSuitesOptions['canaries'];
  wrapProvider?: RunSuitesOptions['wrapProvider'];
}

export interface Evaluation extends ScoredRun {
  summary: RunSummary;
  reportPaths: string[];
}

export async function evaluateTarget(options: EvaluateOptions): Promise<Evaluation> {
  const suites = await loadSuites(options.suitesDir ?? PROJECT_PATHS.suites, registryNames());
  const summary = await runSuites({ ...options, suites });
  if (options.historyEvidence && options.historyEvidence.length > 0)
    writeHistoryEvidence(options.runDir, options.historyEvidence);
  const scored = await scoreRun(options.runDir);
  const reportPaths = await writeReports({
    runDir: options.runDir,
    scorecard: scored.scorecard,
    results: scored.results,
    profile: scored.profile,
    junitFile: options.junitFile,
    reporters: options.reporters,
    history: options.history,
  });
  return { ...scored, summary, reportPaths };
}
