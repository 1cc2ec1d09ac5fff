/** @module Orchestration: plan, resume, execute with limits, stream results, survive interrupts. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { Canaries } from '../probes/probe-kind.ts';
import type { Provider } from '../providers/provider.ts';
import { createScrubber } from '../providers/scrub-secrets.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { SuiteSpec } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import { createCanaries } from './canaries.ts';
import { resolveContactedHost } from './contacted-host.ts';
import { type ExecuteEnvironment, executeProbe } from './execute-probe.ts';
import { HARNESS_VERSION } from './harness-version.ts';
import { isLoopbackUrl } from './is-loopback.ts';
import { type PlannedProbe, planKey, planProbes, type Shard, shardPlan } from './plan-probes.ts';
import { RequestGate } from './request-gate.ts';
import { ResultsWriter, readResults } from './results-file.ts';
import { MANIFEST_SCHEMA_VERSION, type RunManifest, readManifest, writeManifest } from './run-manifest.ts';
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
  resume?: boolean;
  signal: AbortSignal;
  /** Canaries to plant (a replayed cassette brings the recorded ones); random per run otherwise. */
  canaries?: Canaries;
  /** Wraps the provider, e.g. to record a cassette (gets the run's canaries and scrubber). */
  wrapProvider?: (provider: Provider, canaries: Canaries, scrub: (text: string) => string) => Provider;
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

const RETRYABLE = new Set(['timeout', 'connection-reset', 'connection-refused', 'truncated-body']);

/** Retries only where the probe asks (`retries: N`), and only for transport failures. */
async function executeWithRetries(item: PlannedProbe, environment: ExecuteEnvironment): Promise<ProbeResult> {
  let result = await executeProbe(item, environment);
  for (let retry = 1; retry <= (item.probe.retries ?? 0); retry += 1) {
    if (result.status !== 'errored' || !RETRYABLE.has(result.reason ?? '') || environment.signal.aborted)
      break;
    const next = await executeProbe(item, environment);
    result = { ...next, attempt: result.attempt + next.attempt };
  }
  return result;
}

export async function runSuites(options: RunSuitesOptions): Promise<RunSummary> {
  mkdirSync(options.runDir, { recursive: true });
  const resultsFile = join(options.runDir, 'results.jsonl');
  const previous = options.resume ? readManifest(options.runDir) : null;
  const earlier = options.resume ? readResults(resultsFile) : [];
  const done = new Set(earlier.map((result) => planKey(result.suite, result.probe, result.repetition)));
  let plan = planProbes(options.suites, options.onlySuites);
  if (options.shard) plan = shardPlan(plan, options.shard);

  const manifest: RunManifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    runId: previous?.runId ?? randomUUID(),
    harnessVersion: HARNESS_VERSION,
    target: options.target,
    startedAt: previous?.startedAt ?? new Date().toISOString(),
    finishedAt: null,
    complete: false,
    suites: [...new Set(plan.map((item) => item.suite.id))],
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
    planned: plan.length,
    contacted: previous?.contacted ?? (await resolveContactedHost(options.target.baseUrl)),
    ...(options.settings ? { settings: options.settings } : {}),
  };
  writeManifest(options.runDir, manifest);

  const scrub = createScrubber(options.provider.secrets());
  const canaries = options.canaries ?? createCanaries();
  const provider = options.wrapProvider
    ? options.wrapProvider(options.provider, canaries, scrub)
    : options.provider;
  const writer = new ResultsWriter(resultsFile, scrub);
  const containsSecret = (text: string): boolean => scrub(text) !== text;
  const limit = pLimit(options.concurrency);
  let successesSinceThrottle = 0;
  const gate = new RequestGate(provider, {
    maxRequests: options.budgetRequests ?? options.target.budgets?.maxRequests,
    requestsPerSecond: options.target.budgets?.requestsPerSecond,
    maxThrottleRetries: 6,
    maxThrottleWaitMs: 60_000,
    signal: options.signal,
    onThrottle: (waitMs) => {
      // Halve concurrency on every 429 we had to wait for; creep back after a run of successes.
      limit.concurrency = Math.max(1, Math.floor(limit.concurrency / 2));
      successesSinceThrottle = 0;
      options.events?.onThrottle?.(waitMs, limit.concurrency);
    },
    onSuccess: () => {
      successesSinceThrottle += 1;
      if (successesSinceThrottle >= 20 && limit.concurrency < options.concurrency) {
        limit.concurrency += 1;
        successesSinceThrottle = 0;
      }
    },
  });
  const environment = {
    runId: manifest.runId,
    target: options.target,
    provider,
    gate,
    timeoutMs: options.timeoutMs,
    isLoopback: isLoopbackUrl(options.target.baseUrl),
    canaries,
    containsSecret,
    signal: options.signal,
  };

  const pending = plan.filter((item) => !done.has(item.key));
  options.events?.onPlanned?.(plan.length, plan.length - pending.length);
  const results: ProbeResult[] = [...earlier];
  const graceMs = options.graceMs ?? 5000;
  let interruptedAt: number | null = null;
  const tasks = pending.map((item) =>
    limit(async () => {
      if (options.signal.aborted) return;
      const result = await executeWithRetries(item, environment);
      if (options.signal.aborted && interruptedAt !== null && performance.now() - interruptedAt > graceMs)
        return;
      writer.append(result);
      results.push(result);
      options.events?.onResult?.(result);
    }),
  );

  const all = Promise.all(tasks);
  const interrupted = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([all, interrupted]);
  if (options.signal.aborted) {
    interruptedAt = performance.now();
    // Queued probes see the abort and return at once; in-flight ones get the grace period.
    let graceTimer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((resolve) => (graceTimer = setTimeout(resolve, graceMs)))]);
    clearTimeout(graceTimer);
  }
  writer.close();

  const attempted = results.filter((result) => result.status !== 'skipped');
  const budgetSpentFirst =
    attempted.length === 0 && results.some((result) => result.reason === 'budget-exhausted');
  const reachedTarget =
    !budgetSpentFirst &&
    (attempted.length === 0 ||
      attempted.some(
        (result) =>
          result.status !== 'errored' || result.evidence.some((evidence) => evidence.status !== null),
      ));
  manifest.finishedAt = new Date().toISOString();
  manifest.complete = !options.signal.aborted && results.length >= plan.length;
  writeManifest(options.runDir, manifest);
  return {
    manifest,
    results,
    interrupted: options.signal.aborted,
    reachedTarget,
    budgetExhausted: results.some((result) => result.reason === 'budget-exhausted'),
    requests: gate.stats.requests,
    throttled: gate.stats.throttled,
  };
}
