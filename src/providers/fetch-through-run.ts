/**
 * @module A `fetch` for an SDK that sends through the run's own HTTP edge: the request budget and rate
 * cap apply, every exchange is kept as evidence, and the provider puts the key in at the last moment
 * (the SDK is given a placeholder and never holds the key).
 */
import type { AuthMode } from '../spec/suite.ts';
import type { ProviderExchange, ProviderRequest } from './provider.ts';

export type SendThroughRun = (
  request: ProviderRequest,
  options?: { acceptThrottle?: boolean },
) => Promise<ProviderExchange>;

/** The SDK's apiKey: the provider replaces the bearer header with the real key. */
export const SDK_KEY_PLACEHOLDER = 'agentscore-key-inserted-by-provider';
/** The SDK's apiKey when a wrong key is wanted: the provider sends its random wrong key instead. */
export const SDK_WRONG_KEY_MARKER = 'agentscore-wrong-key';
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

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
  // Bytes first, error on the next read: erroring at once would drop the queued bytes.
  let delivered = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!delivered) {
        delivered = true;
        controller.enqueue(bytes);
        return;
      }
      controller.error(new TypeError(`terminated: ${broken.reason}: ${broken.message}`));
    },
  });
  return new Response(body, init);
}

/** A `fetch` for the SDK that sends through the run: budget, rate cap, evidence, key at the edge. */
export interface FetchRecord {
  exchanges: ProviderExchange[];
  runStopped?: unknown;
}

export function fetchThroughRun(
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
      authorization === `Bearer ${SDK_WRONG_KEY_MARKER}`
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
