/** @module `sdk`: the official SDK driven like an application would — auth, typed errors, dependency tree. */
import type { SdkChatRequest, SdkDriver, SdkOutcome } from '../../providers/sdk-driver.ts';
import type { FailureReason } from '../../spec/probe-result.ts';
import { emptyOutcome, type ProbeContext, type ProbeKind, type ProbeOutcome } from '../probe-kind.ts';
import { isRecord } from '../response-body.ts';

export type SdkScenario = 'auth-works' | 'wrong-key' | 'validation' | 'timeout' | 'dependencies';
const SCENARIOS: readonly SdkScenario[] = [
  'auth-works',
  'wrong-key',
  'validation',
  'timeout',
  'dependencies',
];

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

export interface SdkDependencyObservations {
  scenario: 'dependencies';
  packageName: string;
  sdkVersion: string;
  transitiveCount: number;
  installScripts: string[];
  unknownLicences: string[];
  licences: Record<string, number>;
}

export function isSdkCallObservations(value: unknown): value is SdkCallObservations {
  return isRecord(value) && value.scenario !== 'dependencies' && typeof value.ok === 'boolean';
}

export function isSdkDependencyObservations(value: unknown): value is SdkDependencyObservations {
  return isRecord(value) && value.scenario === 'dependencies' && typeof value.transitiveCount === 'number';
}

/** A model id no provider serves. */
export const UNKNOWN_MODEL = 'agentscore-no-such-model';

function chatRequest(context: ProbeContext): SdkChatRequest {
  const base: SdkChatRequest = {
    model: context.target.model,
    messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
    maxTokens: 5,
  };
  if (context.probe.with?.scenario !== 'validation') return base;
  // Temperature far outside any documented range: the server, not the SDK, has to refuse it.
  return context.probe.with?.invalid === 'temperature'
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

function dependencyObservations(sdk: SdkDriver): SdkDependencyObservations {
  const report = sdk.dependencyReport();
  return {
    scenario: 'dependencies',
    packageName: report.packageName,
    sdkVersion: report.sdkVersion,
    transitiveCount: report.transitiveCount,
    installScripts: report.installScripts,
    unknownLicences: report.unknownLicences,
    licences: report.licences,
  };
}

export const sdkKind: ProbeKind = {
  name: 'sdk',
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const { sdk } = context;
    if (!sdk) {
      outcome.skip = { reason: 'not-supported', detail: 'provider has no official SDK driver' };
      return outcome;
    }
    const scenario = context.probe.with?.scenario as SdkScenario | undefined;
    if (!scenario || !SCENARIOS.includes(scenario)) {
      throw new Error(
        `probe ${context.probe.id}: kind sdk needs with.scenario, one of ${SCENARIOS.join(', ')}`,
      );
    }
    if (scenario === 'dependencies') {
      outcome.observations = { ...dependencyObservations(sdk) };
      return outcome;
    }
    // The wrong key is the per-run fake key-shaped canary, never derived from the real one.
    const apiKey = scenario === 'wrong-key' ? context.canaries.apiKey : undefined;
    // The timeout scenario asks for an answer faster than any model gives one: the timeout is the point.
    const timeoutMs = scenario === 'timeout' ? Number(context.probe.with?.timeoutMs ?? 1) : context.timeoutMs;
    const result = await sdk.chatComplete(chatRequest(context), { timeoutMs, ...(apiKey ? { apiKey } : {}) });
    outcome.timings = { e2eMs: Math.round(result.durationMs * 100) / 100 };
    const failure = scenario === 'timeout' ? null : transportFailure(result);
    if (failure) {
      outcome.failure = failure;
      return outcome;
    }
    outcome.observations = { ...callObservations(scenario, result) };
    return outcome;
  },
};
