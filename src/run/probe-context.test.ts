import { describe, expect, it } from 'vitest';
import type { Provider, ProviderExchange } from '../providers/provider.ts';
import { planProbes } from './plan-probes.ts';
import { probeContext, type SendTally, templateVariables } from './probe-context.ts';
import { RequestGate } from './request-gate.ts';

const target = {
  name: 't',
  provider: 'openai-compatible' as const,
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'model-x',
  apiKeyEnv: 'K',
};
const canaries = { email: 'c@example.invalid', name: 'C', phone: '+00', apiKey: 'canary', fileText: 'f' };

function answer(status: number): ProviderExchange {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1:9/v1/chat/completions', headers: {} },
    status,
    headers: status === 429 ? { 'retry-after': '0.01' } : {},
    bodyText: '{}',
    bodyBytes: 2,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 1 },
  };
}

const [item] = planProbes([
  {
    id: 's',
    title: 'S',
    description: '',
    probes: [{ id: 'p', kind: 'http', with: { fillerChars: 30, temperature: 0 } }],
  },
]);

describe('templateVariables', () => {
  it('offers model, canaries, filler of the asked length and the probe parameters; the key stays a placeholder', () => {
    const vars = templateVariables(item!, { target, canaries });
    expect(vars).toMatchObject({ model: 'model-x', canary: canaries, key: '{{key}}', temperature: 0 });
    expect(String(vars.filler)).toHaveLength(30);
  });
});

describe('probeContext', () => {
  it('renders requests with defaults and sends through the gate, tallying throttled attempts', async () => {
    let sent = 0;
    const statuses = [429, 200];
    const provider: Provider = {
      kind: 'openai-compatible',
      target,
      secrets: () => [],
      close: async () => {},
      send: async () => answer(statuses[Math.min(sent++, statuses.length - 1)]!),
    };
    const signal = new AbortController().signal;
    const gate = new RequestGate(provider, { maxThrottleRetries: 3, maxThrottleWaitMs: 1000, signal });
    const tally: SendTally = { attempts: 1, throttledWaitMs: 0 };
    const context = probeContext(
      item!,
      {
        runId: 'r',
        target,
        provider,
        gate,
        timeoutMs: 1234,
        isLoopback: true,
        canaries,
        containsSecret: () => false,
        signal,
      },
      tally,
    );
    const request = context.render({ path: '/v1/chat/completions', body: { model: '{{model}}' } });
    expect(request).toMatchObject({
      method: 'POST',
      auth: { mode: 'bearer' },
      body: { model: 'model-x' },
      timeoutMs: 1234,
    });
    expect(context.render({ path: '/v1/models' }).method).toBe('GET');
    const exchange = await context.send(request);
    expect(exchange.status).toBe(200);
    expect(tally.attempts).toBe(2);
    expect(tally.throttledWaitMs).toBe(10);
  });
});
