/** @module The probe-kind contract: a kind sends requests through the context and reports what it saw. */
import type { ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import type { SdkDriver } from '../providers/sdk-driver.ts';
import type { FailureReason, ProbeMeasurements, ProbeTimings } from '../spec/probe-result.ts';
import type { KindName, ProbeSpec, RequestTemplate } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import type { Observation } from './observation.ts';
import { exchangeJson } from './response-body.ts';

/** Random per-run values a probe plants to see whether they come back. Never real personal data. */
export interface Canaries {
  email: string;
  name: string;
  phone: string;
  /** A fake key-shaped string (never the real key). */
  apiKey: string;
  fileText: string;
}

export interface ProbeContext {
  readonly probe: ProbeSpec;
  readonly target: Target;
  readonly runId: string;
  readonly canaries: Canaries;
  /** true when the base URL is a loopback address: bursts and destructive probes always allowed. */
  readonly isLoopback: boolean;
  readonly timeoutMs: number;
  /** Template variables: model, canary.*, plus the probe's `with`. */
  readonly vars: Record<string, unknown>;
  /** Renders a request template with `vars` (and extra vars). */
  render(template: RequestTemplate, extra?: Record<string, unknown>): ProviderRequest;
  /** Sends through the runner's limits: rate cap, budget, throttle handling. */
  send(request: ProviderRequest, options?: { acceptThrottle?: boolean }): Promise<ProviderExchange>;
  /** The official SDK, when the provider has one (mistral). */
  readonly sdk?: SdkDriver;
  /** Whether text contains the key or a fragment of it (8+ chars). Never exposes the key. */
  containsSecret(text: string): boolean;
  /** Aborted when the run is interrupted. */
  readonly signal: AbortSignal;
}

/** What a probe saw. Assertions read it; the runner turns it into a ProbeResult. */
export interface ProbeOutcome {
  exchanges: ProviderExchange[];
  measurements: ProbeMeasurements;
  timings: Partial<ProbeTimings>;
  /** What the kind saw beyond the exchanges, for its assertions (observation.ts). */
  observation?: Observation;
  /** The probe could not run here: recorded as skipped. */
  skip?: { reason: FailureReason; detail: string };
  /** The probe could not complete: recorded as errored. */
  failure?: { reason: FailureReason; detail: string };
}

/**
 * A JSON Schema (2020-12) object schema for parameters: the suite loader validates a probe's `with`
 * and an expectation's parameters by it (file:line errors, did-you-mean for unknown names), so a
 * handler may trust the typed view it reads.
 */
export interface ParameterSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, object>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

/** No parameters at all: any key given is a typo. */
export const NO_PARAMETERS: ParameterSchema = { type: 'object', properties: {}, additionalProperties: false };

export interface ProbeKind<Name extends KindName = KindName> {
  readonly name: Name;
  /** What `with` may hold (validated when suites load). */
  readonly parameters: ParameterSchema;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}

/**
 * The probe's `with` as the kind's parameter type. Sound because the loader validated `with`
 * against the kind's `parameters` before any probe runs (STYLE 5: validate at the edge).
 */
export function parametersOf<Parameters extends object>(context: Pick<ProbeContext, 'probe'>): Parameters {
  return (context.probe.with ?? {}) as Parameters;
}

export function emptyOutcome(): ProbeOutcome {
  return { exchanges: [], measurements: {}, timings: {} };
}

/**
 * Why an exchange gives a probe nothing to judge: no answer, a body that did not arrive whole (truncated,
 * too large, cut stream, timeout mid-body) and, when `expectJson` (a 2xx answer to a non-streaming
 * request a kind parses), a body that is not valid UTF-8 or not JSON. Undefined when it is usable.
 */
export function unreadableAnswer(
  exchange: ProviderExchange,
  options: { expectJson: boolean },
): { reason: FailureReason; detail: string } | undefined {
  if (exchange.failure) return { reason: exchange.failure.reason, detail: exchange.failure.message };
  if (exchange.status === null) return { reason: 'internal-error', detail: 'no answer' };
  const success = exchange.status >= 200 && exchange.status < 300;
  if (!options.expectJson || !success || exchange.sse !== undefined) return undefined;
  if (exchange.invalidUtf8)
    return { reason: 'invalid-utf8', detail: `${exchange.status} answer body is not valid UTF-8` };
  if (exchangeJson(exchange) === undefined)
    return { reason: 'invalid-json', detail: `${exchange.status} answer body is not JSON` };
  return undefined;
}
