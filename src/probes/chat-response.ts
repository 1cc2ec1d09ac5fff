/** @module Reading chat completions, streamed or not, into one normalised shape (raw kept beside it). */
import type { ProviderExchange } from '../providers/provider.ts';
import { exchangeJson, isRecord, readJson } from './response-body.ts';

export interface ToolCallSeen {
  id: string;
  name: string;
  /** Arguments exactly as sent (a JSON string, or an object some servers send). */
  rawArguments: unknown;
}

export interface ChatReading {
  content: string;
  toolCalls: ToolCallSeen[];
  finishReason: string | null;
  model: string | null;
  usage: { promptTokens: number | null; completionTokens: number | null };
  /** Streaming only: ms from request start to the first event carrying content or a tool call. */
  ttftMs: number | null;
  /** Streaming only: stream ended with [DONE]. */
  done: boolean;
  /** Streaming only: first chunk carried the role and no content (Mistral's framing). */
  roleOnlyFirstChunk: boolean | null;
  chunks: number;
  malformedChunks: number;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  // Reasoning models stream content as typed parts; only text parts are the answer.
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        isRecord(part) && part.type === 'text' && typeof part.text === 'string' ? part.text : '',
      )
      .join('');
  }
  return '';
}

function toolCallsOf(value: unknown): ToolCallSeen[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : {};
    return {
      id: typeof call.id === 'string' ? call.id : '',
      name: typeof fn.name === 'string' ? fn.name : '',
      rawArguments: fn.arguments,
    };
  });
}

function usageOf(value: unknown): ChatReading['usage'] {
  const usage = isRecord(value) ? value : {};
  return {
    promptTokens: typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : null,
    completionTokens: typeof usage.completion_tokens === 'number' ? usage.completion_tokens : null,
  };
}

function empty(): ChatReading {
  return {
    content: '',
    toolCalls: [],
    finishReason: null,
    model: null,
    usage: { promptTokens: null, completionTokens: null },
    ttftMs: null,
    done: false,
    roleOnlyFirstChunk: null,
    chunks: 0,
    malformedChunks: 0,
  };
}

export function readChatCompletion(exchange: ProviderExchange): ChatReading {
  if (exchange.sse) return readChatStream(exchange);
  const reading = empty();
  const json = exchangeJson(exchange);
  if (!isRecord(json)) return reading;
  const choice = Array.isArray(json.choices) && isRecord(json.choices[0]) ? json.choices[0] : {};
  const message = isRecord(choice.message) ? choice.message : {};
  reading.content = textOf(message.content);
  reading.toolCalls = toolCallsOf(message.tool_calls);
  reading.finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
  reading.model = typeof json.model === 'string' ? json.model : null;
  reading.usage = usageOf(json.usage);
  return reading;
}

export function readChatStream(exchange: ProviderExchange): ChatReading {
  const reading = empty();
  reading.done = exchange.sseDone === true;
  for (const event of exchange.sse ?? []) {
    if (event.data.trim() === '[DONE]') continue;
    const parsed = readJson(event.data);
    if (!parsed.ok || !isRecord(parsed.value)) {
      reading.malformedChunks += 1;
      continue;
    }
    reading.chunks += 1;
    const chunk = parsed.value;
    if (typeof chunk.model === 'string') reading.model = chunk.model;
    const choice = Array.isArray(chunk.choices) && isRecord(chunk.choices[0]) ? chunk.choices[0] : {};
    const delta = isRecord(choice.delta) ? choice.delta : {};
    const text = textOf(delta.content);
    const calls = toolCallsOf(delta.tool_calls);
    if (reading.chunks === 1)
      reading.roleOnlyFirstChunk = typeof delta.role === 'string' && text === '' && calls.length === 0;
    if ((text !== '' || calls.length > 0) && reading.ttftMs === null) reading.ttftMs = event.atMs;
    reading.content += text;
    mergeStreamedCalls(reading.toolCalls, calls);
    if (typeof choice.finish_reason === 'string') reading.finishReason = choice.finish_reason;
    if (chunk.usage) reading.usage = usageOf(chunk.usage);
  }
  return reading;
}

/** Mistral sends each call whole; OpenAI-style servers send argument fragments under one id/index. */
function mergeStreamedCalls(into: ToolCallSeen[], calls: ToolCallSeen[]): void {
  for (const call of calls) {
    const previous = into.at(-1);
    if (
      previous &&
      (call.id === '' || call.id === previous.id) &&
      call.name === '' &&
      typeof call.rawArguments === 'string'
    ) {
      previous.rawArguments = `${typeof previous.rawArguments === 'string' ? previous.rawArguments : ''}${call.rawArguments}`;
    } else {
      into.push({ ...call });
    }
  }
}

/** Parses tool-call arguments the way an agent framework would. */
export function parseArguments(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (isRecord(raw)) return { ok: true, value: raw };
  if (typeof raw !== 'string') return { ok: false };
  const parsed = readJson(raw);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
}
