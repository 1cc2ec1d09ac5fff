/**
 * @module Asks an OpenAI-compatible server for usage on streams, once it is known to accept the ask.
 *
 * OpenAI (and vLLM, Ollama, LiteLLM, Azure's newer api-versions) put a `usage` block on a stream only
 * when the request says `stream_options: {include_usage: true}`; without it a streamed answer carries
 * no token counts, so inter-token latency, throughput and cost cannot be measured. Mistral sends usage
 * on every stream and refuses the field (422 `extra_forbidden`, as older Azure api-versions answer
 * 400 "Unrecognized request argument supplied: stream_options"). So the first streaming chat request
 * asks, alone; if the answer refuses the field, that request is sent again without it and no later
 * one asks. A request that names `stream_options` itself is sent as it is.
 */

import { isRecord } from '../spec/is-record.ts';
import type { ProviderExchange, ProviderRequest } from './provider.ts';

type StreamUsageState = 'unknown' | 'accepted' | 'refused';

export interface StreamUsageNegotiation {
  /** Sends `request` through `sendOnce`, with stream_options added while the server accepts them. */
  send(
    request: ProviderRequest,
    sendOnce: (request: ProviderRequest) => Promise<ProviderExchange>,
  ): Promise<ProviderExchange>;
}

/** A streaming chat completion whose JSON body does not already say anything about stream_options. */
function wantsStreamUsage(request: ProviderRequest): boolean {
  return (
    request.stream === true &&
    request.rawBody === undefined &&
    isRecord(request.body) &&
    request.body.stream === true &&
    !('stream_options' in request.body) &&
    /\/chat\/completions\/?$/.test(request.path.split('?')[0] ?? '')
  );
}

function withStreamUsage(request: ProviderRequest): ProviderRequest {
  return {
    ...request,
    body: { ...(request.body as Record<string, unknown>), stream_options: { include_usage: true } },
  };
}

/** The server turned the field down: a 400/422 whose body names it. */
function refusesStreamOptions(exchange: ProviderExchange): boolean {
  return (exchange.status === 400 || exchange.status === 422) && exchange.bodyText.includes('stream_options');
}

export function createStreamUsageNegotiation(): StreamUsageNegotiation {
  let state: StreamUsageState = 'unknown';
  /** Settles when the request that is finding out has its answer; later requests wait for it. */
  let deciding: Promise<void> | null = null;

  async function send(
    request: ProviderRequest,
    sendOnce: (request: ProviderRequest) => Promise<ProviderExchange>,
  ): Promise<ProviderExchange> {
    if (!wantsStreamUsage(request)) return sendOnce(request);
    while (state === 'unknown' && deciding) await deciding;
    if (state === 'accepted') return sendOnce(withStreamUsage(request));
    if (state === 'refused') return sendOnce(request);
    let settle = () => {};
    deciding = new Promise<void>((resolve) => {
      settle = resolve;
    });
    try {
      const asked = await sendOnce(withStreamUsage(request));
      if (refusesStreamOptions(asked)) {
        state = 'refused';
        const plain = await sendOnce(request);
        plain.extraRequests = (plain.extraRequests ?? 0) + 1;
        return plain;
      }
      // No answer, or one that says nothing either way (5xx, 429): the next request asks again.
      if (asked.status !== null && asked.status >= 200 && asked.status < 300) state = 'accepted';
      return asked;
    } finally {
      deciding = null;
      settle();
    }
  }

  return { send };
}
