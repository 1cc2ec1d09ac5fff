/** @module Orchestration: plan, resume, execute in phases with limits, stream results, survive interrupts. */
import type { Canaries } from '../probes/probe-kind.ts';
import type { Provider } from '../providers/provider.ts';
import type { Scrub } from '../providers/scrub-secrets.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { SuiteSpec } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import { AdaptiveConcurrency } from './adaptive-concurrency.ts';
import { type ExecuteEnvironment, executeProbe } from './execute-probe.ts';
import { executeWithRetries } from './execute-with-retries.ts';
import { InterruptGrace } from './interrupt-grace.ts';
import { isLoopbackUrl } from './is-loopback.ts';
import { closeRunFolder, openRunFolder } from './open-run-folder.ts';
import { planPhases, planProbes, type Shard, shardPlan } from './plan-probes.ts';
import { reachability } from './reachability.ts';
import { RequestGate, type TokenBudget } from './request-gate.ts';
import { ResultsWriter } from './results-file.ts';
import type { RunManifest } from './run-manifest.ts';
import { runPhases } from './run-phases.ts';
import { runProvider } from './run-provider.ts';
import type { RunSettings } from './run-settings.ts';

export interface RunEvents {
  onPlanned?(total: number, alreadyDone: number): void;
  onResult?(result: ProbeResult): void;
  onThrottle?(waitMs: number, concurrency: number): void;
}

export interface RunSuitesOptions {
  suites: SuiteSpec[];
  target: Target;
  provider: Provider;
  runDir: string;
  onlySuites?: string[];
  concurrency: number;
  timeoutMs: number;
  shard?: Shard;
  budgetRequests?: number;
  /** Token and cost limits (`--budget-tokens`, `--budget-cost`), enforced by the gate like the request budget. */
  tokenBudget?: TokenBudget;
  resume?: boolean;
  signal: AbortSignal;
  /** Canaries to plant (a replayed cassette brings the recorded ones); random per run otherwise. */
  canaries?: Canaries;
  /** Wraps the provider, e.g. to record a cassette (gets the run's canaries and scrubber). */
  wrapProvider?: (provider: Provider, canaries: Canaries, scrub: Scrub) => Provider;
  /** How long in-flight probes may finish after an interrupt. */
  graceMs?: number;
  events?: RunEvents;
  /** The resolved run settings and their sources, recorded in run.json. */
  settings?: RunSettings;
}

export interface RunSummary {
  manifest: RunManifest;
  results: ProbeResult[];
  interrupted: boolean;
  /** false when every probe that tried to reach the target failed to, or the budget ran out first (exit 3). */
  reachedTarget: boolean;
  /** Probes were skipped because the request budget was spent. */
  budgetExhausted: boolean;
  requests: number;
  throttled: number;
}

export async function runSuites(options: RunSuitesOptions): Promise<RunSummary> {
  let plan = planProbes(options.suites, options.onlySuites);
  if (options.shard) plan = shardPlan(plan, options.shard);
  const { manifest, resultsFile, earlier, pending } = await openRunFolder({ ...options, plan });

  const { provider, scrub, canaries } = runProvider(options);
  const writer = new ResultsWriter(resultsFile, scrub);
  const concurrency = new AdaptiveConcurrency(options.concurrency);
  const gate = new RequestGate(provider, {
    maxRequests: options.budgetRequests ?? options.target.budgets?.maxRequests,
    requestsPerSecond: options.target.budgets?.requestsPerSecond,
    maxThrottleRetries: 6,
    maxThrottleWaitMs: 60_000,
    signal: options.signal,
    onThrottle: (waitMs) => options.events?.onThrottle?.(waitMs, concurrency.throttled()),
    onSuccess: () => concurrency.succeeded(),
    ...(options.tokenBudget ? { tokenBudget: options.tokenBudget } : {}),
  });
  const environment: ExecuteEnvironment = {
    runId: manifest.runId,
    target: options.target,
    provider,
    gate,
    timeoutMs: options.timeoutMs,
    isLoopback: isLoopbackUrl(options.target.baseUrl),
    canaries,
    containsSecret: (text) => scrub(text) !== text,
    signal: options.signal,
  };

  options.events?.onPlanned?.(plan.length, plan.length - pending.length);
  const results: ProbeResult[] = [...earlier];
  const grace = new InterruptGrace(options.signal, options.graceMs ?? 5000);
  const runOne = async (item: (typeof pending)[number]): Promise<void> => {
    const result = await executeWithRetries(item, (next) => executeProbe(next, environment), options.signal);
    if (!grace.accepts()) return;
    writer.append(result);
    results.push(result);
    options.events?.onResult?.(result);
  };
  await grace.settle(runPhases(planPhases(pending), concurrency, runOne, options.signal));
  writer.close();

  closeRunFolder(options.runDir, manifest, { interrupted: options.signal.aborted, results: results.length });
  return {
    manifest,
    results,
    interrupted: options.signal.aborted,
    ...reachability(results),
    requests: gate.stats.requests,
    throttled: gate.stats.throttled,
  };
}
