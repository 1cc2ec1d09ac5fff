/** @module The raw HTTP adapter (OpenAI-compatible and the Mistral raw path): exact status, headers, bytes and timings. */
import { Agent, type Dispatcher, request as undiciRequest } from 'undici';
import type { ProviderKind, Target } from '../spec/target.ts';
import { buildWireRequest, type WireRequest } from './build-http-request.ts';
import { type ClassifiedFailure, classifyNetworkError } from './classify-network-error.ts';
import { decodeContentEncoding } from './content-encoding.ts';
import { concatChunks, decodeBodyText } from './decode-body-text.ts';
import { isJsonContentType, parseJsonText } from './parse-json-body.ts';
import type { Provider, ProviderExchange, ProviderRequest } from './provider.ts';
import { type BodyReadResult, readResponseBody } from './read-response-body.ts';
import { secretForms } from './secret-forms.ts';
import { createStreamUsageNegotiation } from './stream-usage.ts';
import { resolveHeaderValues } from './target-headers.ts';

export { parseJsonBody } from './parse-json-body.ts';

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface HttpProviderOptions {
  apiKey: string;
  /** undici dispatcher (Agent, MockAgent, proxy); the provider makes and owns an Agent otherwise. */
  dispatcher?: Dispatcher;
  /** Monotonic clock in milliseconds; `performance.now()` by default. */
  now?: () => number;
  /** Where `{ env }` header values are read (the process environment by default). */
  environment?: Readonly<Record<string, string | undefined>>;
}

type Headers = Record<string, string | string[] | undefined>;

/** Lower-cased names (as undici gives them); repeated headers joined with `, `. */
function flattenHeaders(headers: Headers): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function roundMs(value: number): number {
  return Math.round(value * 100) / 100;
}

/** An answer to a streaming request is read as SSE unless the server plainly answered with JSON. */
function isSseAnswer(status: number, contentType: string | undefined): boolean {
  if (contentType?.toLowerCase().includes('text/event-stream')) return true;
  return status >= 200 && status < 300 && !isJsonContentType(contentType);
}

/** `wireBytes`: bytes as sent, when a content-encoding was decoded (content-length counts those). */
function bodyFailure(
  read: BodyReadResult,
  exchange: ProviderExchange,
  timeoutMessage: string | null,
  wireBytes?: number,
): ClassifiedFailure | undefined {
  const bytesOnWire = wireBytes ?? read.bytesReceived;
  if (timeoutMessage) return { reason: 'timeout', message: timeoutMessage };
  if (read.tooLarge) {
    return { reason: 'body-too-large', message: `body exceeded ${read.bytesKept} bytes; reading stopped` };
  }
  const declared = Number.parseInt(exchange.headers['content-length'] ?? '', 10);
  const contentLength = Number.isFinite(declared) ? declared : null;
  if (read.error !== undefined) {
    return classifyNetworkError(read.error, {
      inBody: true,
      contentLength,
      bytesReceived: bytesOnWire,
    });
  }
  if (read.sseParser?.error) return read.sseParser.error;
  if (contentLength !== null && bytesOnWire < contentLength) {
    return {
      reason: 'truncated-body',
      message: `content-length ${contentLength} but ${bytesOnWire} bytes arrived`,
    };
  }
  return undefined;
}

function recordBody(exchange: ProviderExchange, read: BodyReadResult, asSse: boolean): void {
  const cut = read.tooLarge || read.error !== undefined;
  const decoded = decodeBodyText(concatChunks(read.chunks, read.bytesKept), cut);
  exchange.bodyText = decoded.text;
  exchange.bodyBytes = read.bytesReceived;
  if (decoded.invalidUtf8) exchange.invalidUtf8 = true;
  const parser = read.sseParser;
  if (asSse && parser) {
    if (!cut && !parser.error) read.events.push(...parser.end(read.endedAtMs));
    exchange.sse = read.events.map((event) => ({ ...event, atMs: roundMs(event.atMs) }));
    exchange.sseDone = parser.done;
    if (parser.doneAtMs !== undefined) exchange.sseDoneAtMs = roundMs(parser.doneAtMs);
  }
}

async function exchangeOnce(
  wire: WireRequest,
  request: ProviderRequest,
  exchange: ProviderExchange,
  context: { dispatcher: Dispatcher; elapsedMs: () => number },
): Promise<void> {
  const controller = new AbortController();
  // Written by the timer callback; an object so the reads below are not narrowed to the initial null.
  const timeout: { message: string | null } = { message: null };
  const timer = setTimeout(() => {
    const phase = exchange.status === null ? 'before response headers' : 'while reading the body';
    timeout.message = `no complete answer within ${request.timeoutMs} ms (timed out ${phase})`;
    controller.abort();
  }, request.timeoutMs);
  try {
    let response: Dispatcher.ResponseData;
    try {
      response = await undiciRequest(wire.url, {
        method: wire.method as Dispatcher.HttpMethod,
        headers: wire.headers,
        body: wire.body,
        dispatcher: context.dispatcher,
        signal: controller.signal,
        // The exchange-wide timer above governs; undici's own per-phase timers would only race it.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
    } catch (error) {
      exchange.timings.e2eMs = roundMs(context.elapsedMs());
      exchange.failure = timeout.message
        ? { reason: 'timeout', message: timeout.message }
        : classifyNetworkError(error, { inBody: false, contentLength: null, bytesReceived: 0 });
      return;
    }
    exchange.timings.ttfbMs = roundMs(context.elapsedMs());
    exchange.status = response.statusCode;
    exchange.headers = flattenHeaders(response.headers);
    const contentType = exchange.headers['content-type'];
    const asSse = request.stream === true && isSseAnswer(response.statusCode, contentType);
    const decoded = decodeContentEncoding(response.body, exchange.headers['content-encoding']);
    const read = await readResponseBody(decoded.body, {
      maxBodyBytes: request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      sse: asSse,
      elapsedMs: context.elapsedMs,
    });
    exchange.timings.e2eMs = roundMs(read.endedAtMs);
    recordBody(exchange, read, asSse);
    if (decoded.wireBytes) exchange.bodyBytes = decoded.wireBytes();
    const failure = bodyFailure(read, exchange, timeout.message, decoded.wireBytes?.());
    if (failure) exchange.failure = failure;
    if (!failure && !asSse && isJsonContentType(contentType)) {
      // A declared-JSON body that does not parse is evidence for the probes, not a failure here.
      const parsed = parseJsonText(exchange.bodyText);
      if (parsed.ok) exchange.json = parsed.value;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The raw HTTP provider; `kind` names the adapter in results (the Mistral adapter reuses it). */
export function createHttpProvider(
  target: Target,
  options: HttpProviderOptions & { kind: ProviderKind },
): Provider {
  let ownAgent: Agent | undefined;
  const dispatcher = (): Dispatcher => {
    if (options.dispatcher) return options.dispatcher;
    ownAgent ??= new Agent();
    return ownAgent;
  };
  const now = options.now ?? (() => performance.now());
  const extraHeaders = resolveHeaderValues(target.headers, options.environment ?? process.env);
  const streamUsage = options.kind === 'openai-compatible' ? createStreamUsageNegotiation() : null;
  async function sendRequest(request: ProviderRequest): Promise<ProviderExchange> {
    const startedAt = new Date().toISOString();
    const start = now();
    const elapsedMs = () => now() - start;
    const exchange: ProviderExchange = {
      request: { method: request.method.toUpperCase(), url: request.path, headers: {} },
      status: null,
      headers: {},
      bodyText: '',
      bodyBytes: 0,
      timings: { startedAt, ttfbMs: null, e2eMs: 0 },
    };
    try {
      const context = {
        baseUrl: target.baseUrl,
        apiKey: options.apiKey,
        kind: options.kind,
        scheme: target.auth,
        headers: extraHeaders.values,
        query: target.query,
      };
      const wire = buildWireRequest(request, context);
      exchange.request = { method: wire.method, url: wire.url, headers: { ...wire.headers } };
      // Only the target's own way of authenticating: probes that put the key elsewhere expect a rejection.
      if (request.auth.mode === 'bearer') exchange.request.sentRealKey = true;
      if (wire.bodyText !== undefined) exchange.request.bodyText = wire.bodyText;
      await exchangeOnce(wire, request, exchange, { dispatcher: dispatcher(), elapsedMs });
    } catch (error) {
      // send() never throws: whatever went wrong is part of the record.
      exchange.timings.e2eMs = roundMs(elapsedMs());
      exchange.failure = {
        reason: 'internal-error',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    return exchange;
  }
  return {
    kind: options.kind,
    target,
    send: (request) => (streamUsage ? streamUsage.send(request, sendRequest) : sendRequest(request)),
    secrets: () => [
      ...(options.apiKey ? secretForms(options.apiKey) : []),
      ...extraHeaders.secrets.flatMap(secretForms),
    ],
    async close() {
      await ownAgent?.close();
      ownAgent = undefined;
    },
  };
}

/** The OpenAI-compatible adapter: raw HTTP only. */
export function createOpenAiCompatibleProvider(target: Target, options: HttpProviderOptions): Provider {
  return createHttpProvider(target, { ...options, kind: 'openai-compatible' });
}
