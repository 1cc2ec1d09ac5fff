/**
 * @module The library's `evaluate(target, options)`: checks the plan and the run folder as `agentscore
 * run` does, then runs, scores and renders one evaluation into `options.runDir`.
 */
import { resolve } from 'node:path';
import { registryNames } from '../probes/registry.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import type { Evaluation } from '../run/evaluate-target.ts';
import type { Shard } from '../run/plan-probes.ts';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import { TargetError } from '../run/resolve-target.ts';
import { prepareRunFolder, readCassetteHeader } from '../run/run-folder.ts';
import { resolveRunSettings, selectPlan } from '../run/run-settings.ts';
import type { RunEvents, RunSummary } from '../run/run-suites.ts';
import type { PreflightRecord } from '../spec/preflight-record.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { Target } from '../spec/target.ts';
import { loadSuites } from '../suite/load-suites.ts';
import { executeEvaluation } from './execute-evaluation.ts';
import { type RunFiles, runFiles } from './run-files.ts';

export interface EvaluateOptions {
  /** The run folder to write; an earlier run there is moved to `<runDir>.previous-<its start>`. */
  runDir: string;
  /** The key; defaults to `process.env[target.apiKeyEnv]`. Kept in memory, never written. */
  apiKey?: string;
  /** Suite folder (default: the suites shipped in the package). */
  suitesDir?: string;
  /** Suite ids to run (default: all). */
  suites?: string[];
  /** Concurrent probes (default 4). */
  concurrency?: number;
  /** Per-request timeout in ms (default 30000). */
  timeoutMs?: number;
  /** Run one shard of the plan; `score` merges the shards' results. */
  shard?: Shard;
  /** Stop sending after this many requests. */
  budgetRequests?: number;
  /** Continue the run in `runDir` (same target and plan) instead of starting a new one. */
  resume?: boolean;
  /** Reporters to run (default: markdown, html, charts, json). */
  reporters?: ReporterName[];
  /** Also write a JUnit XML file here. */
  junitFile?: string;
  /** Record every exchange into this cassette folder. */
  recordDir?: string;
  /** Replay a recorded cassette instead of contacting the target (no key needed). */
  replayDir?: string;
  /** Abort: in-flight probes finish, the rest are recorded as interrupted and a partial scorecard is written. */
  signal?: AbortSignal;
  /** Progress: called as the plan is known, as each result arrives and when the target throttles. */
  onProgress?: RunEvents;
}

export interface EvaluateResult {
  scorecard: Scorecard;
  results: ProbeResult[];
  /** The target as measured (its base URL is the `/v1` fallback when the preflight adopted one). */
  target: Target;
  preflight: PreflightRecord;
  /** null when the preflight stopped the run before any probe (see `scorecard.validity`). */
  summary: RunSummary | null;
  runDir: string;
  files: RunFiles;
}

/**
 * Evaluates `target`: every probe of the chosen suites, then scorecard.json and the reports in
 * `options.runDir`. A target that could not be measured still resolves, with
 * `scorecard.validity.valid === false` and null scores. Throws `TargetError` (bad base URL, missing
 * key), `RunSettingsError` (unknown suite, empty plan), `RunFolderError` (folder unusable as asked),
 * `ValidationError` (invalid suite files).
 */
export async function evaluate(target: Target, options: EvaluateOptions): Promise<EvaluateResult> {
  const runDir = resolve(options.runDir);
  const replayDir = options.replayDir ? resolve(options.replayDir) : undefined;
  const apiKey = options.apiKey ?? process.env[target.apiKeyEnv] ?? '';
  if (!apiKey && !replayDir)
    throw new TargetError(`no API key: set ${target.apiKeyEnv} or pass options.apiKey`);
  const suitesDir = options.suitesDir ? resolve(options.suitesDir) : PROJECT_PATHS.suites;
  const onlySuites = options.suites ?? [];
  const plan = selectPlan(await loadSuites(suitesDir, registryNames()), onlySuites, options.shard);
  if (replayDir) readCassetteHeader(replayDir);
  prepareRunFolder({
    runDir,
    resume: options.resume ?? false,
    target,
    suites: plan.suites,
    shard: options.shard,
    keep: replayDir ? [replayDir] : [],
    cwd: process.cwd(),
  });
  // Options given count as flags in run.json's settings; the rest are the built-in values.
  const settings = resolveRunSettings({
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    budgetRequests: options.budgetRequests,
  });
  const evaluation: Evaluation = await executeEvaluation({
    target,
    apiKey,
    runDir,
    suitesDir,
    onlySuites,
    settings,
    concurrency: settings.concurrency.value,
    timeoutMs: settings.timeoutMs.value,
    shard: options.shard,
    budgetRequests: settings.budgetRequests.value ?? undefined,
    resume: options.resume ?? false,
    reporters: options.reporters,
    junitFile: options.junitFile,
    recordDir: options.recordDir ? resolve(options.recordDir) : undefined,
    replayDir,
    signal: options.signal ?? new AbortController().signal,
    events: options.onProgress,
  });
  return {
    scorecard: evaluation.scorecard,
    results: evaluation.results,
    target: evaluation.target,
    preflight: evaluation.preflight,
    summary: evaluation.summary,
    runDir,
    files: runFiles(runDir, evaluation.reportPaths),
  };
}
