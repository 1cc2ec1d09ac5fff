/** @module `chat-stream`: a plain text streaming request timed at the socket; the source of metrics.latency. */
import type { ProviderRequest } from '../../providers/provider.ts';
import { readChatStream } from '../chat-response.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';

export interface LatencyObservations {
  /** HTTP status of the streaming answer. */
  status: number;
  ttftMs: number | null;
  ttfbMs: number | null;
  e2eMs: number;
  outputTokens: number | null;
  done: boolean;
  roleOnlyFirstChunk: boolean | null;
  finishReason: string | null;
  contentChars: number;
}

export interface ChatStreamParameters {
  prompt?: string;
  maxTokens?: number;
}

export const chatStreamKind: ProbeKind<'chat-stream'> = {
  name: 'chat-stream',
  parameters: {
    type: 'object',
    properties: {
      prompt: { type: 'string', minLength: 1 },
      maxTokens: { type: 'integer', minimum: 1, maximum: 100_000 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const parameters = parametersOf<ChatStreamParameters>(context);
    const prompt = parameters.prompt ?? 'Write three short sentences about the sea.';
    const maxTokens = parameters.maxTokens ?? 64;
    const request: ProviderRequest = {
      method: 'POST',
      path: '/v1/chat/completions',
      auth: { mode: 'bearer' },
      body: {
        model: context.target.model,
        messages: [{ role: 'user', content: prompt }],
        max_tokens: maxTokens,
        stream: true,
      },
      stream: true,
      timeoutMs: context.timeoutMs,
    };
    const exchange = await context.send(request);
    const outcome = emptyOutcome();
    outcome.exchanges.push(exchange);
    if (exchange.status === null) {
      outcome.failure = {
        reason: exchange.failure?.reason ?? 'internal-error',
        detail: exchange.failure?.message ?? 'no answer',
      };
      return outcome;
    }
    if (exchange.status === 404 || exchange.status === 405) {
      outcome.skip = { reason: 'not-supported', detail: `streaming chat answered ${exchange.status}` };
      return outcome;
    }
    if (exchange.status >= 200 && exchange.status < 300 && exchange.sse === undefined) {
      const type = exchange.headers['content-type'] ?? 'no content-type';
      outcome.skip = {
        reason: 'not-supported',
        detail: `asked for a stream, got one ${type} body: no streaming`,
      };
      return outcome;
    }
    const reading = readChatStream(exchange);
    const e2eMs = exchange.timings.e2eMs;
    const tokens = reading.usage.completionTokens;
    const observations: LatencyObservations = {
      status: exchange.status,
      ttftMs: reading.ttftMs,
      ttfbMs: exchange.timings.ttfbMs,
      e2eMs,
      outputTokens: tokens,
      done: reading.done,
      roleOnlyFirstChunk: reading.roleOnlyFirstChunk,
      finishReason: reading.finishReason,
      contentChars: reading.content.length,
    };
    outcome.observation = { kind: 'chat-stream', data: observations };
    const ok =
      exchange.status >= 200 && exchange.status < 300 && reading.ttftMs !== null && !exchange.failure;
    outcome.measurements = { latency: ok };
    outcome.timings = {
      ttfbMs: exchange.timings.ttfbMs ?? undefined,
      ttftMs: reading.ttftMs ?? undefined,
      e2eMs,
      outputTokens: tokens ?? undefined,
      // DESIGN §5: inter-token latency = (e2e − TTFT) / (output tokens − 1), tokens from the usage block.
      interTokenMs:
        reading.ttftMs !== null && tokens && tokens > 1 ? (e2eMs - reading.ttftMs) / (tokens - 1) : undefined,
      outputTokensPerSecond: tokens && e2eMs > 0 ? tokens / (e2eMs / 1000) : undefined,
    };
    if (exchange.failure)
      outcome.failure = { reason: exchange.failure.reason, detail: exchange.failure.message };
    return outcome;
  },
};
