/** @module `sdk`: the official SDK driven like an application would — auth, typed errors, dependency tree. */
import { MISTRAL_SDK_PACKAGE } from '../../providers/sdk-dependency-report.ts';
import type { SdkChatRequest, SdkOutcome } from '../../providers/sdk-driver.ts';
import type { FailureReason } from '../../spec/probe-result.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';
import {
  fetchPublishedSdkReport,
  NPM_REGISTRY_ENV,
  type PublishedSdkReport,
} from '../published-sdk-report.ts';

export type SdkScenario = 'auth-works' | 'wrong-key' | 'validation' | 'timeout' | 'dependencies';
const SCENARIOS: readonly SdkScenario[] = [
  'auth-works',
  'wrong-key',
  'validation',
  'timeout',
  'dependencies',
];

export interface SdkParameters {
  scenario: SdkScenario;
  /** For `validation`: what is invalid in the request. */
  invalid?: 'model' | 'temperature';
  /** For `timeout`: the client-side timeout. */
  timeoutMs?: number;
  /** For `dependencies`: the SDK package (default: the provider's official one) and version (default `latest`). */
  package?: string;
  version?: string;
}

/** The official SDK package of each provider that has one. */
const SDK_PACKAGE_BY_PROVIDER: Partial<Record<string, string>> = { mistral: MISTRAL_SDK_PACKAGE };

/** What one SDK call did, the SDK's own error data kept as is. */
export interface SdkCallObservations {
  scenario: Exclude<SdkScenario, 'dependencies'>;
  ok: boolean;
  errorClass: string | null;
  statusCode: number | null;
  message: string | null;
  hasTypedFields: boolean;
  durationMs: number;
}

/** The SDK as published on the registry, or why the registry could not tell. */
export interface SdkDependencyObservations {
  scenario: 'dependencies';
  report: PublishedSdkReport | null;
  /** `registry unreachable: ...` when report is null. */
  unreachable: string | null;
}

/** A model id no provider serves. */
export const UNKNOWN_MODEL = 'agentscore-no-such-model';

function chatRequest(context: ProbeContext): SdkChatRequest {
  const base: SdkChatRequest = {
    model: context.target.model,
    messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
    maxTokens: 5,
  };
  const parameters = parametersOf<SdkParameters>(context);
  if (parameters.scenario !== 'validation') return base;
  // Temperature far outside any documented range: the server, not the SDK, has to refuse it.
  return parameters.invalid === 'temperature'
    ? { ...base, temperature: 50 }
    : { ...base, model: UNKNOWN_MODEL };
}

/** Transport failures are not SDK behaviour: the probe errors instead of judging them. */
function transportFailure(outcome: SdkOutcome<unknown>): { reason: FailureReason; detail: string } | null {
  if (outcome.ok || outcome.statusCode !== null) return null;
  if (/Timeout/i.test(outcome.errorClass)) return { reason: 'timeout', detail: outcome.message };
  if (/Connection|Abort/i.test(outcome.errorClass))
    return { reason: 'connection-refused', detail: outcome.message };
  return null;
}

function callObservations(
  scenario: SdkCallObservations['scenario'],
  result: SdkOutcome<unknown>,
): SdkCallObservations {
  if (result.ok) {
    return {
      scenario,
      ok: true,
      errorClass: null,
      statusCode: null,
      message: null,
      hasTypedFields: false,
      durationMs: result.durationMs,
    };
  }
  return {
    scenario,
    ok: false,
    errorClass: result.errorClass,
    statusCode: result.statusCode,
    message: result.message,
    hasTypedFields: result.hasTypedFields,
    durationMs: result.durationMs,
  };
}

async function dependencyObservations(
  context: ProbeContext,
  parameters: SdkParameters,
): Promise<SdkDependencyObservations> {
  const packageName = parameters.package ?? SDK_PACKAGE_BY_PROVIDER[context.target.provider];
  if (!packageName)
    return {
      scenario: 'dependencies',
      report: null,
      unreachable: 'no official SDK package known for this provider',
    };
  // A loopback target is a test or the sandbox: the public registry is contacted only when configured.
  const registry = process.env[NPM_REGISTRY_ENV];
  if (context.isLoopback && !registry)
    return {
      scenario: 'dependencies',
      report: null,
      unreachable: `registry unreachable: not contacted for a loopback target (set ${NPM_REGISTRY_ENV})`,
    };
  const lookup = await fetchPublishedSdkReport(packageName, parameters.version ?? 'latest', {
    registry,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
  });
  return lookup.ok
    ? { scenario: 'dependencies', report: lookup.report, unreachable: null }
    : { scenario: 'dependencies', report: null, unreachable: lookup.detail };
}

export const sdkKind: ProbeKind<'sdk'> = {
  name: 'sdk',
  parameters: {
    type: 'object',
    required: ['scenario'],
    properties: {
      scenario: { enum: [...SCENARIOS] },
      invalid: { enum: ['model', 'temperature'] },
      timeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
      package: { type: 'string', pattern: '^(@[a-z0-9._~-]+/)?[a-z0-9._~-]+$' },
      version: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const { sdk } = context;
    if (!sdk) {
      outcome.skip = { reason: 'not-supported', detail: 'provider has no official SDK driver' };
      return outcome;
    }
    const parameters = parametersOf<SdkParameters>(context);
    const { scenario } = parameters;
    if (!SCENARIOS.includes(scenario)) {
      throw new Error(
        `probe ${context.probe.id}: kind sdk needs with.scenario, one of ${SCENARIOS.join(', ')}`,
      );
    }
    if (scenario === 'dependencies') {
      // The SDK as its users install it, from the registry: not the copy in our node_modules.
      outcome.observation = { kind: 'sdk', data: await dependencyObservations(context, parameters) };
      return outcome;
    }
    // The wrong key is the per-run fake key-shaped canary, never derived from the real one.
    const apiKey = scenario === 'wrong-key' ? context.canaries.apiKey : undefined;
    // The timeout scenario asks for an answer faster than any model gives one: the timeout is the point.
    const timeoutMs = scenario === 'timeout' ? (parameters.timeoutMs ?? 1) : context.timeoutMs;
    const result = await sdk.chatComplete(chatRequest(context), { timeoutMs, ...(apiKey ? { apiKey } : {}) });
    outcome.timings = { e2eMs: Math.round(result.durationMs * 100) / 100 };
    const failure = scenario === 'timeout' ? null : transportFailure(result);
    if (failure) {
      outcome.failure = failure;
      return outcome;
    }
    outcome.observation = { kind: 'sdk', data: callObservations(scenario, result) };
    return outcome;
  },
};
