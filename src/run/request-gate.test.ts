import { describe, expect, it } from 'vitest';
import type { Provider, ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import { BudgetExhaustedError, RequestGate } from './request-gate.ts';

function exchange(status: number, headers: Record<string, string> = {}): ProviderExchange {
  return {
    request: { method: 'GET', url: 'http://127.0.0.1/v1/models', headers: {} },
    status,
    headers,
    bodyText: '',
    bodyBytes: 0,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 1 },
  };
}

function scripted(statuses: ProviderExchange[]): Provider & { sent: number } {
  const provider = {
    kind: 'openai-compatible' as const,
    target: {
      name: 't',
      provider: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1',
      model: 'm',
      apiKeyEnv: 'K',
    },
    sent: 0,
    secrets: () => [],
    close: async () => {},
    send: async (_request: ProviderRequest) => statuses[Math.min(provider.sent++, statuses.length - 1)]!,
  };
  return provider;
}

const request: ProviderRequest = {
  method: 'GET',
  path: '/v1/models',
  auth: { mode: 'bearer' },
  timeoutMs: 1000,
};

describe('RequestGate', () => {
  it('waits as told on 429, retries, and reports the throttling', async () => {
    const provider = scripted([
      exchange(429, { 'retry-after': '0.05' }),
      exchange(429, { 'retry-after': '0.05' }),
      exchange(200),
    ]);
    const waits: number[] = [];
    const gate = new RequestGate(provider, {
      maxThrottleRetries: 6,
      maxThrottleWaitMs: 60_000,
      signal: new AbortController().signal,
      onThrottle: (waitMs) => waits.push(waitMs),
    });
    const sent = await gate.send(request);
    expect(sent.exchange.status).toBe(200);
    expect(sent.attempts).toBe(3);
    expect(sent.throttledWaitMs).toBe(100);
    expect(waits).toEqual([50, 50]);
    expect(gate.stats).toEqual({
      requests: 3,
      throttled: 2,
      throttledWaitMs: 100,
      usage: { input: 0, output: 0, exchangesWithUsage: 0, unmetered: 0 },
    });
  });

  it('hands the 429 back when the probe measures throttling, or after the retry cap', async () => {
    const gate = new RequestGate(scripted([exchange(429, { 'retry-after': '0' })]), {
      maxThrottleRetries: 2,
      maxThrottleWaitMs: 10,
      signal: new AbortController().signal,
    });
    expect((await gate.send(request, true)).attempts).toBe(1);
    const capped = await gate.send(request);
    expect(capped.exchange.status).toBe(429);
    expect(capped.attempts).toBe(3);
  });

  it('stops at the request budget', async () => {
    const gate = new RequestGate(scripted([exchange(200)]), {
      maxRequests: 2,
      maxThrottleRetries: 0,
      maxThrottleWaitMs: 0,
      signal: new AbortController().signal,
    });
    await gate.send(request);
    await gate.send(request);
    await expect(gate.send(request)).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(gate.budgetLeft).toBe(0);
  });

  it('stops at the token budget and at the cost budget, counting reported usage', async () => {
    const chat: ProviderExchange = {
      ...exchange(200),
      request: { method: 'POST', url: 'http://127.0.0.1/v1/chat/completions', headers: {} },
      bodyText: JSON.stringify({ usage: { prompt_tokens: 600, completion_tokens: 100 } }),
    };
    const options = { maxThrottleRetries: 0, maxThrottleWaitMs: 0, signal: new AbortController().signal };
    const byTokens = new RequestGate(scripted([chat]), { ...options, tokenBudget: { maxTokens: 1000 } });
    await byTokens.send(request);
    await byTokens.send(request); // 700 tokens before it: allowed, 1400 after
    await expect(byTokens.send(request)).rejects.toThrow('token budget of 1000 spent (1400 reported)');
    expect(byTokens.stats.usage).toEqual({ input: 1200, output: 200, exchangesWithUsage: 2, unmetered: 0 });
    // One exchange costs (600 × 1 + 100 × 4) / 1e6 = 0.001 EUR: a 0.0015 budget allows two requests.
    const price = { inputPerMillion: 1, outputPerMillion: 4, currency: 'EUR' };
    const byCost = new RequestGate(scripted([chat]), {
      ...options,
      tokenBudget: { maxCost: { amount: 0.0015, price } },
    });
    await byCost.send(request);
    await byCost.send(request);
    await expect(byCost.send(request)).rejects.toThrow('cost budget of 0.0015 EUR spent');
  });

  it('spaces requests to the rate cap', async () => {
    const gate = new RequestGate(scripted([exchange(200)]), {
      requestsPerSecond: 20,
      maxThrottleRetries: 0,
      maxThrottleWaitMs: 0,
      signal: new AbortController().signal,
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => gate.send(request)));
    // Five requests at 20/s: the fifth may start 200 ms after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
