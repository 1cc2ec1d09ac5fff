/**
 * @module Drives the official `openai` npm SDK against any target, as an agent pointing it at a base
 * URL would, and reports each scenario as plain data (never throws, never returns the key).
 *
 * The SDK's requests go through the run's own HTTP edge (an injected `fetch` over `send`): they count
 * against the request budget and rate cap like every other request, are kept as evidence, and the key
 * is put in by the provider at the last moment, byte for byte the `Authorization: Bearer` header the SDK
 * itself would send — so the SDK never holds the key and its errors cannot leak it.
 */
import type { FailureReason } from '../spec/probe-result.ts';
import {
  type FetchRecord,
  fetchThroughRun,
  SDK_KEY_PLACEHOLDER,
  SDK_WRONG_KEY_MARKER,
  type SendThroughRun,
} from './fetch-through-run.ts';
import {
  excerpt,
  type OpenAiSdkAnswer,
  type OpenAiSdkScenario,
  type OpenAiSdkScenarioSettings,
  runScenario,
} from './openai-sdk-scenarios.ts';
import type { ProviderExchange } from './provider.ts';

export type { SendThroughRun } from './fetch-through-run.ts';
export {
  OPENAI_SDK_SCENARIOS,
  OPENAI_SDK_UNKNOWN_MODEL,
  type OpenAiSdkAnswer,
  type OpenAiSdkScenario,
  type OpenAiSdkScenarioSettings,
} from './openai-sdk-scenarios.ts';

/** What the SDK threw, as plain data. */
export interface OpenAiSdkError {
  /** Constructor name: AuthenticationError, NotFoundError, UnprocessableEntityError, OpenAIError, ... */
  errorClass: string;
  status: number | null;
  /** The SDK's `requestID` (read from `x-request-id` only). */
  requestId: string | null;
  headers: Record<string, string>;
  /** `e.message`, as an agent would log it. */
  message: string;
  /** `e.error` as JSON (excerpt): what the SDK kept of the body; null when it kept nothing. */
  sdkErrorBody: string | null;
  /** The body the API actually sent (excerpt) for that request, for comparison. */
  responseBody: string;
  /** Set when no whole answer arrived (refused, reset, timeout, cut stream). */
  transport: { reason: FailureReason; detail: string } | null;
}

/** What one scenario did through the SDK. */
export type OpenAiSdkStep = { scenario: OpenAiSdkScenario; durationMs: number } & (
  | { ok: true; answer: OpenAiSdkAnswer }
  | { ok: false; error: OpenAiSdkError }
);

export type OpenAiSdkOutcome = OpenAiSdkStep & {
  /** Every HTTP exchange the SDK made, in order. */
  exchanges: ProviderExchange[];
  /**
   * What the run's `send` threw instead of sending (budget spent, run interrupted): the SDK saw it
   * as a connection error, but the step did not really happen and must not be judged.
   */
  runStopped?: unknown;
};

export interface OpenAiSdkDriverOptions {
  /** As the OpenAI SDK takes it, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  model: string;
  timeoutMs: number;
  send: SendThroughRun;
  containsSecret: (text: string) => boolean;
}

const REDACTED = '[REDACTED]';

/** Removes the key (or any fragment `containsSecret` recognises) from text the SDK produced. */
export function redactSecrets(text: string, containsSecret: (text: string) => boolean): string {
  if (!containsSecret(text)) return text;
  const redacted = text.replace(/[^\s"'`,;:=()[\]{}<>]+/g, (token) =>
    containsSecret(token) ? REDACTED : token,
  );
  return containsSecret(redacted) ? `${REDACTED} (text contained the API key)` : redacted;
}

/** The base URL as the OpenAI SDK wants it: a host-only URL gets the conventional `/v1`. */
export function openAiSdkBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/v1' : path}`;
}

// The SDK takes a while to import, so it loads on first use only.
type OpenAiModule = typeof import('openai');
let openAiModule: Promise<OpenAiModule> | undefined;
function loadOpenAi(): Promise<OpenAiModule> {
  openAiModule ??= import('openai');
  return openAiModule;
}

function headerRecord(headers: unknown): Record<string, string> {
  if (!(headers instanceof Headers)) return {};
  return Object.fromEntries(headers.entries());
}

function sdkError(
  error: unknown,
  lastExchange: ProviderExchange | undefined,
  containsSecret: (text: string) => boolean,
): OpenAiSdkError {
  const clean = (text: string) => excerpt(redactSecrets(text, containsSecret));
  const fields = (error !== null && typeof error === 'object' ? error : {}) as Record<string, unknown>;
  const errorClass =
    error !== null && typeof error === 'object' ? (error.constructor?.name ?? 'Object') : typeof error;
  const headers = Object.fromEntries(
    Object.entries(headerRecord(fields.headers)).map(([name, value]) => [name, clean(value)]),
  );
  const transport =
    lastExchange?.failure !== undefined
      ? { reason: lastExchange.failure.reason, detail: clean(lastExchange.failure.message) }
      : null;
  return {
    errorClass,
    status: typeof fields.status === 'number' ? fields.status : null,
    requestId: typeof fields.requestID === 'string' ? fields.requestID : null,
    headers,
    message: clean(error instanceof Error ? error.message : String(error)),
    sdkErrorBody:
      fields.error === undefined || fields.error === null ? null : clean(JSON.stringify(fields.error)),
    responseBody: clean(lastExchange?.bodyText ?? ''),
    transport,
  };
}

/** The exchange an error came from: the last one with its status (others may still have been in flight). */
function exchangeBehind(error: unknown, exchanges: ProviderExchange[]): ProviderExchange | undefined {
  const status = error !== null && typeof error === 'object' && 'status' in error ? error.status : undefined;
  return [...exchanges].reverse().find((exchange) => exchange.status === status) ?? exchanges.at(-1);
}

/** Runs one scenario through a fresh client (retries off, as an agent measuring the API must). */
export async function runOpenAiSdkScenario(
  scenario: OpenAiSdkScenario,
  options: OpenAiSdkDriverOptions,
  settings: OpenAiSdkScenarioSettings = {},
): Promise<OpenAiSdkOutcome> {
  const record: FetchRecord = { exchanges: [] };
  const { exchanges } = record;
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  try {
    const sdk = await loadOpenAi();
    const client = new sdk.OpenAI({
      baseURL: openAiSdkBaseUrl(options.baseUrl),
      apiKey: scenario === 'error-auth' ? SDK_WRONG_KEY_MARKER : SDK_KEY_PLACEHOLDER,
      maxRetries: 0,
      // The run's own per-request timer governs; the SDK's only backs it up.
      timeout: options.timeoutMs + 1_000,
      fetch: fetchThroughRun(options.send, options.timeoutMs, record, scenario === 'error-rate-limit'),
    });
    const answer = await runScenario(scenario, { client, model: options.model, settings });
    const clean = (text: string | null) =>
      text === null ? null : redactSecrets(text, options.containsSecret);
    return {
      scenario,
      ok: true,
      answer: { ...answer, content: clean(answer.content) },
      durationMs: elapsed(),
      exchanges,
    };
  } catch (error) {
    return {
      scenario,
      ok: false,
      error: sdkError(error, exchangeBehind(error, exchanges), options.containsSecret),
      durationMs: elapsed(),
      exchanges,
      ...(record.runStopped === undefined ? {} : { runStopped: record.runStopped }),
    };
  }
}
