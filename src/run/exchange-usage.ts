/** @module The tokens one exchange used, read from the target's own `usage` block (JSON body or last SSE chunk). */

import { parseJsonText } from '../providers/parse-json-body.ts';
import type { ProviderExchange } from '../providers/provider.ts';
import { isRecord } from '../spec/is-record.ts';
import type { TokenUsage } from '../spec/probe-result.ts';

/** Endpoints that bill tokens: an answer from them without a usage block is unmetered, not free. */
const TOKEN_BEARING_PATH =
  /\/(chat\/completions|fim\/completions|completions|embeddings|agents\/completions)(\?|$)/;

export interface ExchangeTokens {
  input: number;
  output: number;
}

function tokensOf(usage: unknown): ExchangeTokens | null {
  if (!isRecord(usage)) return null;
  const input = usage.prompt_tokens;
  const output = usage.completion_tokens;
  if (typeof input !== 'number' && typeof output !== 'number') return null;
  return { input: typeof input === 'number' ? input : 0, output: typeof output === 'number' ? output : 0 };
}

function usageBlock(exchange: Pick<ProviderExchange, 'json' | 'sse' | 'bodyText'>): unknown {
  if (exchange.sse) {
    // Mistral and OpenAI put usage on the last content chunk (or a final usage-only chunk).
    for (const event of [...exchange.sse].reverse()) {
      const parsed = parseJsonText(event.data);
      if (parsed.ok && isRecord(parsed.value) && parsed.value.usage) return parsed.value.usage;
    }
    return undefined;
  }
  let body = exchange.json;
  if (body === undefined && exchange.bodyText) {
    const parsed = parseJsonText(exchange.bodyText);
    body = parsed.ok ? parsed.value : undefined;
  }
  return isRecord(body) ? body.usage : undefined;
}

/**
 * What an exchange used: its tokens, `'unmetered'` when a token-bearing endpoint answered 2xx without
 * usage, or null when the exchange bills no tokens (other endpoints, errors, no answer).
 */
export function exchangeTokens(
  exchange: Pick<ProviderExchange, 'request' | 'status' | 'json' | 'sse' | 'bodyText'>,
): ExchangeTokens | 'unmetered' | null {
  const tokens = tokensOf(usageBlock(exchange));
  if (tokens) return tokens;
  const path = exchange.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const answered = exchange.status !== null && exchange.status >= 200 && exchange.status < 300;
  return answered && TOKEN_BEARING_PATH.test(path) ? 'unmetered' : null;
}

export function emptyUsage(): TokenUsage {
  return { input: 0, output: 0, exchangesWithUsage: 0, unmetered: 0 };
}

/** Adds one exchange's tokens to a tally; returns whether it counted at all. */
export function addExchange(into: TokenUsage, tokens: ExchangeTokens | 'unmetered' | null): boolean {
  if (tokens === null) return false;
  if (tokens === 'unmetered') into.unmetered += 1;
  else {
    into.input += tokens.input;
    into.output += tokens.output;
    into.exchangesWithUsage += 1;
  }
  return true;
}
