/** @module Runs one planned probe: its kind, then its assertions, into one ProbeResult. */
import type { ProbeContext, ProbeOutcome } from '../probes/probe-kind.ts';
import { PROBE_KINDS } from '../probes/registry.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import { RESULT_SCHEMA_VERSION } from '../spec/probe-result.ts';
import { toEvidence } from './evidence.ts';
import type { PlannedProbe } from './plan-probes.ts';
import { checksFor, statusOf } from './probe-checks.ts';
import { type ExecuteEnvironment, probeContext, type SendTally } from './probe-context.ts';
import { BudgetExhaustedError } from './request-gate.ts';
import { unmetRequirement } from './unmet-requirement.ts';

export type { ExecuteEnvironment } from './probe-context.ts';

/** Runs the kind; a spent budget is a skip and anything thrown an internal error, never a crash of the run. */
async function runKind(item: PlannedProbe, context: ProbeContext): Promise<ProbeOutcome> {
  try {
    return await PROBE_KINDS[item.probe.kind]!.run(context);
  } catch (error) {
    const empty = { exchanges: [], measurements: {}, timings: {} };
    if (error instanceof BudgetExhaustedError)
      return { ...empty, skip: { reason: 'budget-exhausted', detail: error.message } };
    return {
      ...empty,
      failure: { reason: 'internal-error', detail: error instanceof Error ? error.message : String(error) },
    };
  }
}

export async function executeProbe(
  item: PlannedProbe,
  environment: ExecuteEnvironment,
): Promise<ProbeResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const tally: SendTally = { attempts: 1, throttledWaitMs: 0 };
  const context = probeContext(item, environment, tally);
  const unmet = unmetRequirement(item.probe, {
    target: environment.target,
    hasSdk: environment.provider.sdk !== undefined,
    isLoopback: environment.isLoopback,
  });
  const outcome: ProbeOutcome = unmet
    ? { exchanges: [], measurements: {}, timings: {}, skip: unmet }
    : await runKind(item, context);
  const checks = checksFor(item.probe, outcome, context);
  const { status, reason, detail } = statusOf(outcome, checks);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: environment.runId,
    suite: item.suite.id,
    probe: item.probe.id,
    kind: item.probe.kind,
    repetition: item.repetition,
    attempt: tally.attempts,
    status,
    reason,
    ...(detail ? { reasonDetail: detail } : {}),
    checks,
    timings: {
      startedAt,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      ...outcome.timings,
      ...(tally.throttledWaitMs ? { throttledWaitMs: tally.throttledWaitMs } : {}),
    },
    measurements: tally.usage ? { ...outcome.measurements, usage: tally.usage } : outcome.measurements,
    evidence: outcome.exchanges.slice(0, 8).map(toEvidence),
  };
}
