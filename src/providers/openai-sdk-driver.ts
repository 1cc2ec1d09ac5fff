/**
 * @module Drives the official `openai` npm SDK against any target, as an agent pointing it at a base
 * URL would, and reports each scenario as plain data (never throws, never returns the key).
 *
 * The SDK's requests go through the run's own HTTP edge (an injected `fetch` over `send`): they count
 * against the request budget and rate cap like every other request, are kept as evidence, and the key
 * is put in by the provider at the last moment, byte for byte the `Authorization: Bearer` header the SDK
 * itself would send — so the SDK never holds the key and its errors cannot leak it.
 */
import type OpenAI from 'openai';
import type { FailureReason } from '../spec/probe-result.ts';
import type { AuthMode } from '../spec/suite.ts';
import type { ProviderExchange, ProviderRequest } from './provider.ts';

export type OpenAiSdkScenario =
  | 'chat'
  | 'stream-text'
  | 'stream-tool-call'
  | 'tool-round-trip'
  | 'json-object'
  | 'json-schema'
  | 'models'
  | 'error-auth'
  | 'error-not-found'
  | 'error-bad-request'
  | 'error-rate-limit';

export const OPENAI_SDK_SCENARIOS: readonly OpenAiSdkScenario[] = [
  'chat',
  'stream-text',
  'stream-tool-call',
  'tool-round-trip',
  'json-object',
  'json-schema',
  'models',
  'error-auth',
  'error-not-found',
  'error-bad-request',
  'error-rate-limit',
];

/** A model id no provider serves. */
export const OPENAI_SDK_UNKNOWN_MODEL = 'agentscore-no-such-model';
/** Characters of text kept from answers and error bodies. */
export const OPENAI_SDK_EXCERPT_CHARS = 400;

/** What a successful scenario got back, summarised. */
export interface OpenAiSdkAnswer {
  /** Final assistant text (excerpt); null when there was none. */
  content: string | null;
  toolCalls: Array<{ name: string; arguments: string }>;
  finishReason: string | null;
  /** json-schema: what `parse()` put in `message.parsed`. */
  parsed?: unknown;
  /** models: ids on the first page. */
  modelIds?: string[];
  /** The SDK's `_request_id` (the `x-request-id` header), null when the API sends none. */
  requestId: string | null;
  /** error-rate-limit: SDK requests sent without a 429. */
  requestsSent?: number;
}

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

export type SendThroughRun = (
  request: ProviderRequest,
  options?: { acceptThrottle?: boolean },
) => Promise<ProviderExchange>;

export interface OpenAiSdkDriverOptions {
  /** As the OpenAI SDK takes it, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  model: string;
  timeoutMs: number;
  send: SendThroughRun;
  containsSecret: (text: string) => boolean;
}

export interface OpenAiSdkScenarioSettings {
  /** json-schema: the schema `parse()` is given. */
  schema?: Record<string, unknown>;
  /** error-rate-limit: most SDK requests sent before giving up on a 429. */
  maxRequests?: number;
  /** error-rate-limit: requests in flight at once. */
  concurrency?: number;
}

const PLACEHOLDER_KEY = 'agentscore-key-inserted-by-provider';
const WRONG_KEY_MARKER = 'agentscore-wrong-key';
const REDACTED = '[REDACTED]';
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};
const WEATHER_PROMPT = 'What is the weather in Paris right now? Use the tool.';
const DEFAULT_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' }, country: { type: 'string' } },
  required: ['name', 'country'],
  additionalProperties: false,
};

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

function isStreamBody(body: string | undefined): boolean {
  if (body === undefined) return false;
  try {
    return (JSON.parse(body) as { stream?: unknown }).stream === true;
  } catch {
    return false;
  }
}

/** What a real fetch gives when the answer broke: the body read so far, then a stream error. */
function responseOf(exchange: ProviderExchange & { status: number }): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(exchange.headers)) {
    try {
      headers.append(name, value);
    } catch {
      // A header value fetch would refuse: the SDK never sees it either.
    }
  }
  const init = { status: exchange.status, headers };
  if (NULL_BODY_STATUSES.has(exchange.status)) return new Response(null, init);
  if (!exchange.failure) return new Response(exchange.bodyText, init);
  const bytes = new TextEncoder().encode(exchange.bodyText);
  const broken = exchange.failure;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.error(new TypeError(`terminated: ${broken.reason}: ${broken.message}`));
    },
  });
  return new Response(body, init);
}

/** A `fetch` for the SDK that sends through the run: budget, rate cap, evidence, key at the edge. */
interface FetchRecord {
  exchanges: ProviderExchange[];
  runStopped?: unknown;
}

function fetchThroughRun(
  send: SendThroughRun,
  timeoutMs: number,
  record: FetchRecord,
  acceptThrottle: boolean,
): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const authorization = headers.get('authorization');
    headers.delete('authorization');
    const auth: AuthMode =
      authorization === `Bearer ${WRONG_KEY_MARKER}`
        ? { mode: 'wrong-key' }
        : authorization
          ? { mode: 'bearer' }
          : { mode: 'none' };
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const request: ProviderRequest = {
      method: init?.method ?? 'GET',
      path: url,
      headers: Object.fromEntries(headers),
      auth,
      ...(body === undefined ? {} : { rawBody: body }),
      stream: isStreamBody(body),
      timeoutMs,
    };
    let exchange: ProviderExchange;
    try {
      exchange = await send(request, { acceptThrottle });
    } catch (error) {
      record.runStopped ??= error;
      throw error;
    }
    record.exchanges.push(exchange);
    if (exchange.status === null) {
      const failure = exchange.failure ?? { reason: 'internal-error', message: 'no answer' };
      // The SDK recognises timeouts by "timed out" in the message, as it does undici's own.
      throw new TypeError('fetch failed', { cause: new Error(`${failure.reason}: ${failure.message}`) });
    }
    return responseOf(exchange as ProviderExchange & { status: number });
  };
}

function excerpt(text: string): string {
  return text.length > OPENAI_SDK_EXCERPT_CHARS ? `${text.slice(0, OPENAI_SDK_EXCERPT_CHARS)}…` : text;
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

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessage;

function answerOf(
  message: ChatMessage | undefined,
  finishReason: string | null,
  requestId: string | null,
): OpenAiSdkAnswer {
  const toolCalls = (message?.tool_calls ?? []).flatMap((call) =>
    call.type === 'function' ? [{ name: call.function.name, arguments: call.function.arguments }] : [],
  );
  return {
    content: typeof message?.content === 'string' ? excerpt(message.content) : null,
    toolCalls,
    finishReason,
    requestId,
  };
}

interface ScenarioTools {
  client: OpenAI;
  model: string;
  settings: OpenAiSdkScenarioSettings;
}

async function chat({ client, model }: ScenarioTools, overrides: Record<string, unknown> = {}) {
  const completion = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
    max_tokens: 5,
    ...overrides,
  });
  const choice = completion.choices[0];
  return answerOf(choice?.message, choice?.finish_reason ?? null, completion._request_id ?? null);
}

async function streamed({ client, model }: ScenarioTools, withTool: boolean): Promise<OpenAiSdkAnswer> {
  const stream = client.chat.completions.stream({
    model,
    messages: [{ role: 'user', content: withTool ? WEATHER_PROMPT : 'Count from 1 to 5.' }],
    max_tokens: withTool ? 200 : 40,
    ...(withTool ? { tools: [WEATHER_TOOL], tool_choice: 'required' as const } : {}),
  });
  const completion = await stream.finalChatCompletion();
  const choice = completion.choices[0];
  return answerOf(choice?.message, choice?.finish_reason ?? null, null);
}

/** Forced call, the tool's result fed back, then the model's answer: the loop every agent runs. */
async function toolRoundTrip({ client, model }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'user', content: WEATHER_PROMPT },
  ];
  const first = await client.chat.completions.create({
    model,
    messages,
    tools: [WEATHER_TOOL],
    tool_choice: 'required',
    max_tokens: 200,
  });
  const call = first.choices[0]?.message.tool_calls?.[0];
  if (call?.type !== 'function') {
    const choice = first.choices[0];
    return answerOf(choice?.message, choice?.finish_reason ?? null, first._request_id ?? null);
  }
  messages.push(first.choices[0]!.message, {
    role: 'tool',
    tool_call_id: call.id,
    content: JSON.stringify({ city: 'Paris', temperatureCelsius: 18, sky: 'clear' }),
  });
  const second = await client.chat.completions.create({
    model,
    messages,
    tools: [WEATHER_TOOL],
    tool_choice: 'auto',
    max_tokens: 200,
  });
  const choice = second.choices[0];
  const answer = answerOf(choice?.message, choice?.finish_reason ?? null, second._request_id ?? null);
  // The calls of the first turn are the round trip's; the second turn must answer in words.
  return { ...answer, toolCalls: [{ name: call.function.name, arguments: call.function.arguments }] };
}

async function jsonSchema({ client, model, settings }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  // What `zodResponseFormat` builds, without zod: a json_schema format `parse()` auto-parses.
  const { makeParseableResponseFormat } = await import('openai/lib/parser');
  const responseFormat = makeParseableResponseFormat(
    {
      type: 'json_schema',
      json_schema: { name: 'city', schema: settings.schema ?? DEFAULT_SCHEMA, strict: true },
    },
    (content: string) => JSON.parse(content) as unknown,
  );
  const completion = await client.chat.completions.parse({
    model,
    messages: [{ role: 'user', content: 'Name a European city and its country.' }],
    response_format: responseFormat,
    max_tokens: 200,
  });
  const choice = completion.choices[0];
  return {
    ...answerOf(choice?.message, choice?.finish_reason ?? null, null),
    parsed: choice?.message.parsed ?? null,
  };
}

async function models({ client }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const { data: page, request_id: requestId } = await client.models.list().withResponse();
  return {
    content: null,
    toolCalls: [],
    finishReason: null,
    modelIds: page.data.map((model) => model.id),
    requestId,
  };
}

/** Cheap SDK requests until the first RateLimitError (which the caller reports); none is an answer too. */
async function untilThrottled({ client, settings }: ScenarioTools): Promise<OpenAiSdkAnswer> {
  const maxRequests = settings.maxRequests ?? 250;
  const concurrency = Math.max(1, settings.concurrency ?? 8);
  let sent = 0;
  let stopped = false;
  const worker = async () => {
    while (sent < maxRequests && !stopped) {
      sent += 1;
      await client.models.list().catch((error: unknown) => {
        stopped = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { content: null, toolCalls: [], finishReason: null, requestId: null, requestsSent: sent };
}

function runScenario(scenario: OpenAiSdkScenario, tools: ScenarioTools): Promise<OpenAiSdkAnswer> {
  switch (scenario) {
    case 'chat':
    case 'error-auth':
      return chat(tools);
    case 'stream-text':
      return streamed(tools, false);
    case 'stream-tool-call':
      return streamed(tools, true);
    case 'tool-round-trip':
      return toolRoundTrip(tools);
    case 'json-object':
      return chat(tools, {
        messages: [{ role: 'user', content: 'Describe Paris as a JSON object with keys name and country.' }],
        response_format: { type: 'json_object' },
        max_tokens: 200,
      });
    case 'json-schema':
      return jsonSchema(tools);
    case 'models':
      return models(tools);
    case 'error-not-found':
      return tools.client.models.retrieve(OPENAI_SDK_UNKNOWN_MODEL).then((model) => ({
        content: null,
        toolCalls: [],
        finishReason: null,
        modelIds: [model.id],
        requestId: null,
      }));
    case 'error-bad-request':
      // Far outside any documented range: the server, not the SDK, has to refuse it.
      return chat(tools, { temperature: 50 });
    case 'error-rate-limit':
      return untilThrottled(tools);
  }
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
      apiKey: scenario === 'error-auth' ? WRONG_KEY_MARKER : PLACEHOLDER_KEY,
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
