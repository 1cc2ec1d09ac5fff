/** @module Tests for plan-estimate.ts: request and token counts from hand-made suites, checked by hand. */
import { describe, expect, it } from 'vitest';
import type { SuiteSpec } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import { estimatePlan } from './plan-estimate.ts';

const remote: Target = {
  name: 't',
  provider: 'openai-compatible',
  baseUrl: 'https://api.example.com/v1',
  model: 'small',
  apiKeyEnv: 'K',
  budgets: { maxRequests: 50, allowBurst: false, allowDestructive: false },
};

const suites: SuiteSpec[] = [
  {
    id: 'b',
    title: 'b',
    description: '',
    probes: [
      // 3 repeats × 2 times; the messages' JSON is 44 characters → 11 tokens in, max_tokens 5 out.
      {
        id: 'chat-twice',
        kind: 'http',
        repeat: 3,
        with: { times: 2 },
        request: {
          path: '/v1/chat/completions',
          body: {
            model: '{{model}}',
            messages: [{ role: 'user', content: 'Say OK please.' }],
            max_tokens: 5,
          },
        },
      },
      { id: 'models', kind: 'models' },
      { id: 'burst', kind: 'burst', optIn: 'burst', with: { path: '/v1/models', maxRequests: 300 } },
    ],
  },
  {
    id: 'a',
    title: 'a',
    description: '',
    probes: [{ id: 'loop', kind: 'agent-loop', repeat: 2, with: { prompt: 'x'.repeat(90), maxTokens: 100 } }],
  },
];

describe('estimatePlan', () => {
  it('counts requests and tokens per probe, suite and run, plus the preflight (hand-checked)', () => {
    const plan = estimatePlan({ suites, target: remote, asOf: '2026-11-26' });
    // http: 3 × 2 = 6 requests; 6 × 11 = 66 tokens in, 6 × 5 = 30 out. models: 1. burst: opt-in, skipped.
    expect(JSON.stringify([{ role: 'user', content: 'Say OK please.' }]).length).toBe(44);
    const byId = Object.fromEntries(plan.probes.map((probe) => [probe.probe, probe]));
    expect(byId['chat-twice']).toMatchObject({
      repetitions: 3,
      requests: 6,
      inputTokens: 66,
      outputTokens: 30,
    });
    expect(byId.burst).toMatchObject({ requests: 0, maxRequests: 0 });
    expect(byId.burst?.skipped).toMatch(/^opt-in: /);
    // agent loop: `with` is {"prompt":"x…x","maxTokens":100} = 11 + 90 + 18 = 119 characters → 30 tokens;
    // two turns per conversation: 2 × 30 + 100 (the first answer fed back) = 160 in, 2 × 100 = 200 out,
    // at most 5 turns (the default maxIterations). Two repeats: 4 requests (at most 10), 320 in, 400 out.
    expect(byId.loop).toMatchObject({ requests: 4, maxRequests: 10, inputTokens: 320, outputTokens: 400 });
    expect(plan.suites.map((suite) => [suite.id, suite.requests])).toEqual([
      ['a', 4],
      ['b', 7],
    ]);
    // 4 + 7 probe requests + 1 preflight (at most 10 + 7 + 3, + 1 refused stream_options ask for an
    // OpenAI-compatible target); tokens 66 + 320 in, 30 + 400 out.
    expect(plan.totals).toMatchObject({ requests: 12, maxRequests: 21, inputTokens: 386, outputTokens: 430 });
    expect(plan.totals.tokens).toBe(816);
    expect(plan.budgetRequests).toBe(50);
    expect(plan.cost).toBeNull();
  });

  it('counts a burst at its bound on loopback, follows the shard, and prices with a fresh list price', () => {
    const loopback = { ...remote, baseUrl: 'http://127.0.0.1:9/v1' };
    const price = {
      model: 'small',
      currency: 'EUR',
      inputPerMillion: 1,
      outputPerMillion: 2,
      batchDiscount: null,
      asOf: '2026-11-01',
      source: 'https://example.com',
      reverifyBy: '2027-01-01',
    };
    const plan = estimatePlan({
      suites,
      target: loopback,
      prices: [price],
      asOf: '2026-11-26',
      replay: true,
    });
    expect(plan.probes.find((probe) => probe.probe === 'burst')).toMatchObject({
      requests: 300,
      skipped: null,
    });
    expect(plan.preflight).toEqual({ requests: 0, maxRequests: 0 });
    // (386 × 1 + 430 × 2) / 1e6 = 0.001246 EUR.
    expect(plan.cost).toMatchObject({ currency: 'EUR', amount: 0.001246 });
    const shard = estimatePlan({
      suites,
      target: loopback,
      asOf: '2026-11-26',
      shard: { index: 1, count: 2 },
    });
    expect(shard.shard).toBe('1/2');
    expect(shard.totals.repetitions).toBe(4);
  });
});
