/** @module Reading response bodies in probes, through the one network JSON parser (`providers/parse-json-body`). */
import { parseJsonText } from '../providers/parse-json-body.ts';
import type { ProviderExchange } from '../providers/provider.ts';

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON text from the network (a body, an SSE event, a model's content) as a value or the parser's message. */
export function readJson(text: string): JsonReadResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, error: parsed.message };
}

export function exchangeJson(exchange: ProviderExchange): unknown {
  if (exchange.json !== undefined) return exchange.json;
  const read = readJson(exchange.bodyText);
  return read.ok ? read.value : undefined;
}

export { isRecord } from '../spec/is-record.ts';

/** First header among names that is present (headers are lower-cased by providers). */
export function headerOf(exchange: ProviderExchange, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = exchange.headers[name.toLowerCase()];
    if (value !== undefined) return value;
  }
  return undefined;
}

export const REQUEST_ID_HEADERS = [
  'mistral-correlation-id',
  'x-request-id',
  'request-id',
  'x-kong-request-id',
  'cf-ray',
  'openai-request-id',
];
