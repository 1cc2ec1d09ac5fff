/** @module One evaluation end to end: run the suites, score, write scorecard and reports. */

import { registryNames } from '../probes/registry.ts';
import type { Provider } from '../providers/provider.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import { writeReports } from '../report/write-reports.ts';
import type { Target } from '../spec/target.ts';
import { loadSuites } from '../suite/load-suites.ts';
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
  const scored = await scoreRun(options.runDir);
  const reportPaths = await writeReports({
    runDir: options.runDir,
    scorecard: scored.scorecard,
    results: scored.results,
    profile: scored.profile,
    junitFile: options.junitFile,
    reporters: options.reporters,
  });
  return { ...scored, summary, reportPaths };
}
