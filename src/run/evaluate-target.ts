/** @module One evaluation end to end: preflight, run the suites, score, write scorecard and reports. */

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { registryNames } from '../probes/registry.ts';
import type { Provider } from '../providers/provider.ts';
import type { AlternativeInput } from '../report/alternatives-view.ts';
import type { HistoricRun } from '../report/dpa/held-since.ts';
import type { HistoryPoint } from '../report/report-rows.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import { writeReports } from '../report/write-reports.ts';
import type { PreflightRecord } from '../spec/preflight-record.ts';
import type { HistoryEvidence } from '../spec/probe-result.ts';
import type { Target } from '../spec/target.ts';
import { loadSuites } from '../suite/load-suites.ts';
import { HARNESS_VERSION } from './harness-version.ts';
import { writeHistoryEvidence } from './history-evidence-file.ts';
import { planProbes, type Shard } from './plan-probes.ts';
import { runPreflight } from './preflight.ts';
import { PROJECT_PATHS } from './project-paths.ts';
import { MANIFEST_SCHEMA_VERSION, readManifest, writeManifest } from './run-manifest.ts';
import { type RunEvents, type RunSuitesOptions, type RunSummary, runSuites } from './run-suites.ts';
import { type ScoredRun, scoreRun } from './score-run.ts';

export interface EvaluateOptions {
  target: Target;
  provider: Provider;
  /** A provider for the same target at another base URL (the preflight's `/v1` fallback). */
  providerFor?: (target: Target) => Provider;
  /** A replayed cassette: nothing to preflight. */
  replay?: boolean;
  runDir: string;
  suitesDir?: string;
  onlySuites?: string[];
  settings?: RunSuitesOptions['settings'];
  concurrency: number;
  timeoutMs: number;
  shard?: Shard;
  budgetRequests?: number;
  tokenBudget?: RunSuitesOptions['tokenBudget'];
  resume?: boolean;
  junitFile?: string;
  reporters?: readonly ReporterName[];
  /** Monitoring: tallies from stored runs, written to history-evidence.json before scoring. */
  historyEvidence?: HistoryEvidence[];
  /** Monitoring: earlier runs of this name, for the trend chart. */
  history?: HistoryPoint[];
  /** Earlier stored runs with their results, newest first (monitor: how long each measure has held). */
  priorRuns?: HistoricRun[];
  /** Monitoring: the latest run of every other name in the history, for the Alternatives section. */
  alternatives?: readonly AlternativeInput[];
  signal: AbortSignal;
  events?: RunEvents;
  canaries?: RunSuitesOptions['canaries'];
  wrapProvider?: RunSuitesOptions['wrapProvider'];
}

export interface Evaluation extends ScoredRun {
  /** null when the preflight stopped the run before any probe. */
  summary: RunSummary | null;
  preflight: PreflightRecord;
  /** The target as measured (its base URL is the preflight's fallback when one was adopted). */
  target: Target;
  reportPaths: string[];
}

/** run.json for a run the preflight stopped: no plan ran, the outcome says why. */
function writeStoppedManifest(
  options: EvaluateOptions,
  preflight: PreflightRecord,
  startedAt: string,
  suiteIds: string[],
): void {
  mkdirSync(options.runDir, { recursive: true });
  const previous = options.resume ? readManifest(options.runDir) : null;
  writeManifest(options.runDir, {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    runId: previous?.runId ?? randomUUID(),
    harnessVersion: HARNESS_VERSION,
    target: options.target,
    startedAt: previous?.startedAt ?? startedAt,
    finishedAt: new Date().toISOString(),
    complete: false,
    suites: suiteIds,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
    planned: 0,
    preflight,
    ...(options.settings ? { settings: options.settings } : {}),
  });
}

/** What is left of the request budget once the preflight's requests are paid for. */
function remainingBudget(options: EvaluateOptions, spent: number): number | undefined {
  const budget = options.budgetRequests ?? options.target.budgets?.maxRequests;
  return budget === undefined ? undefined : Math.max(0, budget - spent);
}

export async function evaluateTarget(options: EvaluateOptions): Promise<Evaluation> {
  const suites = await loadSuites(options.suitesDir ?? PROJECT_PATHS.suites, registryNames());
  const startedAt = new Date().toISOString();
  if (options.historyEvidence && options.historyEvidence.length > 0) {
    mkdirSync(options.runDir, { recursive: true });
    writeHistoryEvidence(options.runDir, options.historyEvidence);
  }
  const preflight: PreflightRecord = options.replay
    ? { skipped: 'replay' }
    : await runPreflight({
        provider: options.provider,
        target: options.target,
        timeoutMs: options.timeoutMs,
      });
  let summary: RunSummary | null = null;
  let target = options.target;
  if ('outcome' in preflight && preflight.outcome !== 'ok') {
    const suiteIds = [...new Set(planProbes(suites, options.onlySuites).map((item) => item.suite.id))];
    writeStoppedManifest(options, preflight, startedAt, suiteIds);
  } else {
    const spent = 'requests' in preflight ? preflight.requests.length : 0;
    let provider = options.provider;
    let ownProvider: Provider | undefined;
    if ('baseUrl' in preflight && preflight.baseUrl !== target.baseUrl && options.providerFor) {
      target = { ...target, baseUrl: preflight.baseUrl };
      ownProvider = options.providerFor(target);
      provider = ownProvider;
    }
    try {
      const budgetRequests = remainingBudget(options, spent);
      summary = await runSuites({
        ...options,
        target,
        provider,
        suites,
        ...(budgetRequests === undefined ? {} : { budgetRequests }),
      });
    } finally {
      await ownProvider?.close();
    }
    // The preflight joins run.json after the plan ran (runSuites writes the manifest itself).
    summary.manifest.preflight = preflight;
    writeManifest(options.runDir, summary.manifest);
  }
  const scored = await scoreRun(options.runDir);
  const reportPaths = await writeReports({
    runDir: options.runDir,
    scorecard: scored.scorecard,
    results: scored.results,
    profile: scored.profile,
    junitFile: options.junitFile,
    reporters: options.reporters,
    history: options.history,
    ...(options.priorRuns ? { priorRuns: options.priorRuns } : {}),
    ...(options.alternatives ? { alternatives: options.alternatives } : {}),
  });
  return { ...scored, summary, preflight, target, reportPaths };
}
