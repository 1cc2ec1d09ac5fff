/** @module Reading bodies safely: the one place network JSON is parsed. */
import type { ProviderExchange } from '../providers/provider.ts';

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; error: string };

export function readJson(text: string): JsonReadResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export function exchangeJson(exchange: ProviderExchange): unknown {
  if (exchange.json !== undefined) return exchange.json;
  const read = readJson(exchange.bodyText);
  return read.ok ? read.value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
