/** @module Runs one planned probe: its kind, then its assertions, into one ProbeResult. */

import type { ProbeContext, ProbeOutcome } from '../probes/probe-kind.ts';
import { ASSERTIONS, NORMAL_TRAFFIC_KINDS, PROBE_KINDS } from '../probes/registry.ts';
import type { Provider, ProviderRequest } from '../providers/provider.ts';
import type { SdkDriver } from '../providers/sdk-driver.ts';
import type { CheckResult, FailureReason, ProbeResult, ProbeStatus } from '../spec/probe-result.ts';
import { RESULT_SCHEMA_VERSION } from '../spec/probe-result.ts';
import type { Expectation, RequestTemplate } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import { renderTemplate } from '../suite/render-template.ts';
import { toEvidence } from './evidence.ts';
import type { PlannedProbe } from './plan-probes.ts';
import { BudgetExhaustedError, type RequestGate } from './request-gate.ts';

export interface ExecuteEnvironment {
  runId: string;
  target: Target;
  provider: Provider;
  gate: RequestGate;
  timeoutMs: number;
  isLoopback: boolean;
  canaries: ProbeContext['canaries'];
  containsSecret: (text: string) => boolean;
  signal: AbortSignal;
}

/** SDK calls make requests too: they count against the run budget and wait for the rate cap. */
function gatedSdk(sdk: SdkDriver, gate: RequestGate): SdkDriver {
  return {
    chatComplete: async (request, options) => {
      await gate.acquire();
      return sdk.chatComplete(request, options);
    },
    listModels: async (options) => {
      await gate.acquire();
      return sdk.listModels(options);
    },
  };
}

/** Why a probe cannot run on this target at all, before any request. */
function unmetRequirement(
  item: PlannedProbe,
  environment: ExecuteEnvironment,
): { reason: FailureReason; detail: string } | null {
  const { probe } = item;
  for (const need of probe.requires ?? []) {
    if (need === 'https' && !environment.target.baseUrl.startsWith('https:')) {
      return { reason: 'not-applicable', detail: 'target is plain http: TLS checks do not apply' };
    }
    if (need === 'sdk' && !environment.provider.sdk)
      return { reason: 'not-supported', detail: 'provider has no official SDK driver' };
    if (need === 'mcp' && !environment.target.mcpUrl)
      return { reason: 'not-applicable', detail: 'target declares no MCP endpoint' };
  }
  if (probe.optIn && !environment.isLoopback) {
    const allowed =
      probe.optIn === 'burst'
        ? environment.target.budgets?.allowBurst
        : environment.target.budgets?.allowDestructive;
    if (!allowed)
      return {
        reason: 'opt-in',
        detail: `${probe.optIn} probe: opt in with budgets.allow${probe.optIn === 'burst' ? 'Burst' : 'Destructive'} for remote targets`,
      };
  }
  return null;
}

function checkFor(
  expectation: Expectation,
  item: PlannedProbe,
  verdict: { passed: boolean | null; detail: string; partial?: boolean },
): CheckResult {
  const component = expectation.feeds === undefined ? (item.probe.feeds ?? null) : expectation.feeds;
  return {
    id: expectation.check ?? expectation.assert,
    component,
    passed: verdict.passed,
    ...(verdict.partial && verdict.passed === false ? { partial: true } : {}),
    detail: verdict.detail,
  };
}

function statusOf(
  outcome: ProbeOutcome,
  checks: CheckResult[],
): { status: ProbeStatus; reason: FailureReason | null; detail?: string } {
  if (outcome.skip) return { status: 'skipped', reason: outcome.skip.reason, detail: outcome.skip.detail };
  if (outcome.failure)
    return { status: 'errored', reason: outcome.failure.reason, detail: outcome.failure.detail };
  return { status: checks.some((check) => check.passed === false) ? 'failed' : 'passed', reason: null };
}

/**
 * What suite templates may use. `{{key}}`/`{{key_base64}}` render to themselves: the provider puts
 * the key in at the last moment, so it never passes through templates or results.
 */
function templateVariables(item: PlannedProbe, environment: ExecuteEnvironment): Record<string, unknown> {
  const fillerChars = Number(item.probe.with?.fillerChars ?? 0);
  return {
    model: environment.target.model,
    canary: environment.canaries,
    key: '{{key}}',
    key_base64: '{{key_base64}}',
    filler: fillerChars > 0 ? 'lorem ipsum '.repeat(Math.ceil(fillerChars / 12)).slice(0, fillerChars) : '',
    ...(item.probe.with ?? {}),
  };
}

export async function executeProbe(
  item: PlannedProbe,
  environment: ExecuteEnvironment,
): Promise<ProbeResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const vars = templateVariables(item, environment);
  let attempts = 1;
  let throttledWaitMs = 0;
  const context: ProbeContext = {
    probe: item.probe,
    target: environment.target,
    runId: environment.runId,
    canaries: environment.canaries,
    isLoopback: environment.isLoopback,
    timeoutMs: environment.timeoutMs,
    vars,
    sdk: environment.provider.sdk ? gatedSdk(environment.provider.sdk, environment.gate) : undefined,
    signal: environment.signal,
    containsSecret: environment.containsSecret,
    render: (template: RequestTemplate, extra = {}): ProviderRequest => {
      const rendered = renderTemplate(template, { ...vars, ...extra }) as RequestTemplate;
      return {
        method:
          rendered.method ?? (rendered.body === undefined && rendered.rawBody === undefined ? 'GET' : 'POST'),
        path: rendered.path,
        headers: rendered.headers,
        query: rendered.query,
        auth: rendered.auth ?? { mode: 'bearer' },
        body: rendered.body,
        rawBody: rendered.rawBody,
        stream: rendered.stream,
        timeoutMs: environment.timeoutMs,
      };
    },
    send: async (request, options) => {
      const sent = await environment.gate.send(request, options?.acceptThrottle);
      attempts = Math.max(attempts, sent.attempts);
      throttledWaitMs += sent.throttledWaitMs;
      return sent.exchange;
    },
  };

  let outcome: ProbeOutcome;
  const unmet = unmetRequirement(item, environment);
  if (unmet) {
    outcome = { exchanges: [], measurements: {}, timings: {}, skip: unmet };
  } else {
    try {
      outcome = await PROBE_KINDS[item.probe.kind]!.run(context);
    } catch (error) {
      const budget = error instanceof BudgetExhaustedError;
      outcome = {
        exchanges: [],
        measurements: {},
        timings: {},
        ...(budget
          ? { skip: { reason: 'budget-exhausted' as const, detail: error.message } }
          : {
              failure: {
                reason: 'internal-error' as const,
                detail: error instanceof Error ? error.message : String(error),
              },
            }),
      };
    }
  }

  const expectations = [...(item.probe.expect ?? [])];
  if (
    NORMAL_TRAFFIC_KINDS.has(item.probe.kind) &&
    !expectations.some((expectation) => expectation.assert === 'availability')
  ) {
    expectations.push({ assert: 'availability', feeds: 'reliability.uptimeSla' });
  }
  const checks =
    outcome.skip || outcome.failure
      ? []
      : expectations.map((expectation) => {
          const { assert, check: _check, feeds: _feeds, ...params } = expectation;
          return checkFor(expectation, item, ASSERTIONS[assert]!.evaluate(params, outcome, context));
        });
  if (outcome.failure && NORMAL_TRAFFIC_KINDS.has(item.probe.kind)) {
    checks.push({
      id: 'availability',
      component: 'reliability.uptimeSla',
      passed: false,
      detail: `no answer: ${outcome.failure.reason}`,
    });
  }
  const { status, reason, detail } = statusOf(outcome, checks);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    runId: environment.runId,
    suite: item.suite.id,
    probe: item.probe.id,
    kind: item.probe.kind,
    repetition: item.repetition,
    attempt: attempts,
    status,
    reason,
    ...(detail ? { reasonDetail: detail } : {}),
    checks,
    timings: {
      startedAt,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      ...outcome.timings,
      ...(throttledWaitMs ? { throttledWaitMs } : {}),
    },
    measurements: outcome.measurements,
    evidence: outcome.exchanges.slice(0, 8).map(toEvidence),
  };
}
