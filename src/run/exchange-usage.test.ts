/** @module Tests for exchange-usage.ts: usage read from JSON bodies and SSE streams, unmetered answers. */
import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../providers/provider.ts';
import { addExchange, emptyUsage, exchangeTokens } from './exchange-usage.ts';

function exchange(overrides: Partial<ProviderExchange>): ProviderExchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions', headers: {} },
    status: 200,
    headers: {},
    bodyText: '',
    bodyBytes: 0,
    timings: { startedAt: '2026-11-26T00:00:00.000Z', ttfbMs: 1, e2eMs: 2 },
    ...overrides,
  };
}

describe('exchangeTokens', () => {
  it('reads usage from a JSON body', () => {
    const body = { choices: [], usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } };
    expect(exchangeTokens(exchange({ bodyText: JSON.stringify(body) }))).toEqual({ input: 12, output: 5 });
    expect(exchangeTokens(exchange({ json: body }))).toEqual({ input: 12, output: 5 });
  });

  it('reads usage from the last SSE chunk that carries it', () => {
    const sse = [
      { data: '{"choices":[{"delta":{"role":"assistant"}}]}', atMs: 1 },
      {
        data: '{"choices":[{"delta":{"content":"hi"}}],"usage":{"prompt_tokens":9,"completion_tokens":2}}',
        atMs: 2,
      },
    ];
    expect(exchangeTokens(exchange({ sse }))).toEqual({ input: 9, output: 2 });
  });

  it('calls a 2xx chat answer without usage unmetered, and bills nothing for other endpoints or errors', () => {
    expect(exchangeTokens(exchange({ bodyText: '{"choices":[]}' }))).toBe('unmetered');
    expect(exchangeTokens(exchange({ status: 401, bodyText: '{"message":"no"}' }))).toBeNull();
    expect(
      exchangeTokens(
        exchange({ request: { method: 'GET', url: 'http://h/v1/models', headers: {} }, bodyText: '{}' }),
      ),
    ).toBeNull();
    expect(exchangeTokens(exchange({ status: null }))).toBeNull();
  });

  it('adds exchanges into a tally', () => {
    const tally = emptyUsage();
    addExchange(tally, { input: 3, output: 4 });
    addExchange(tally, 'unmetered');
    expect(addExchange(tally, null)).toBe(false);
    expect(tally).toEqual({ input: 3, output: 4, exchangesWithUsage: 1, unmetered: 1 });
  });
});
