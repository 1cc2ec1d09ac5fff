/** @module Tests for run-cost.ts: the cost of a run from recorded usage and a profile's prices, checked by hand. */
import { describe, expect, it } from 'vitest';
import type { TokenUsage } from '../spec/probe-result.ts';
import type { ProfilePrice } from '../spec/target-profile.ts';
import { costOf, runCost } from './run-cost.ts';
import { makeResult } from './test-support.ts';

const price: ProfilePrice = {
  model: 'small',
  currency: 'EUR',
  inputPerMillion: 0.2,
  outputPerMillion: 0.6,
  batchDiscount: 0.5,
  asOf: '2026-11-26',
  source: 'https://example.com/pricing',
  reverifyBy: '2027-02-26',
};

const usage = (input: number, output: number, exchangesWithUsage: number, unmetered = 0): TokenUsage => ({
  input,
  output,
  exchangesWithUsage,
  unmetered,
});

const results = [
  makeResult({ probe: 'chat', kind: 'chat', measurements: { usage: usage(1200, 300, 2) } }),
  makeResult({
    probe: 'loop',
    kind: 'agent-loop',
    repetition: 1,
    measurements: { usage: usage(900, 100, 3) },
  }),
  makeResult({
    probe: 'loop',
    kind: 'agent-loop',
    repetition: 2,
    measurements: { usage: usage(1100, 140, 3) },
  }),
  // One answer of this conversation came without usage: counted in the run, left out of the agent task.
  makeResult({
    probe: 'loop',
    kind: 'agent-loop',
    repetition: 3,
    measurements: { usage: usage(500, 50, 1, 1) },
  }),
  makeResult({ probe: 'models', kind: 'models', measurements: {} }),
];

describe('runCost', () => {
  it('prices the run and the agent task from recorded usage (hand-checked)', () => {
    // tokens: input 1200 + 900 + 1100 + 500 = 3700, output 300 + 100 + 140 + 50 = 590,
    //         exchanges with usage 2 + 3 + 3 + 1 = 9, unmetered 1 (the models probe bills nothing).
    // run:    (3700 × 0.2 + 590 × 0.6) / 1e6 = (740 + 354) / 1e6 = 0.001094 EUR.
    // task:   two fully metered conversations: mean input (900 + 1100) / 2 = 1000, output (100 + 140) / 2 = 120;
    //         one task (1000 × 0.2 + 120 × 0.6) / 1e6 = 272 / 1e6 EUR, so 1,000 tasks cost 0.272 EUR.
    const cost = runCost(results, 'small', [price], '2026-11-30');
    expect(cost).toEqual({
      model: 'small',
      price: {
        currency: 'EUR',
        inputPerMillion: 0.2,
        outputPerMillion: 0.6,
        batchDiscount: 0.5,
        asOf: '2026-11-26',
        source: 'https://example.com/pricing',
      },
      tokens: { input: 3700, output: 590, exchangesWithUsage: 9, unmetered: 1 },
      runCost: 0.001094,
      agentTask: { samples: 2, meanInputTokens: 1000, meanOutputTokens: 120, costPer1k: 0.272 },
    });
  });

  it('counts tokens but prices nothing when the profile has no price for the model', () => {
    const cost = runCost(results, 'large', [price], '2026-11-30');
    expect(cost.price).toBeNull();
    expect(cost.runCost).toBeNull();
    expect(cost.tokens.input).toBe(3700);
    expect(cost.agentTask).toEqual({
      samples: 2,
      meanInputTokens: 1000,
      meanOutputTokens: 120,
      costPer1k: null,
    });
  });

  it('treats a price past its reverifyBy date as unknown', () => {
    expect(runCost(results, 'small', [price], '2027-02-26').runCost).toBe(0.001094);
    expect(runCost(results, 'small', [price], '2027-02-27').price).toBeNull();
  });

  it('has no agent task when no agent loop reported usage', () => {
    expect(runCost(results.slice(0, 1), 'small', [price], '2026-11-30').agentTask).toBeNull();
  });

  it('leaves out of the agent task a loop that reported no usage, or usage of no answer', () => {
    const loops = [
      makeResult({ probe: 'loop', kind: 'agent-loop', measurements: { usage: usage(900, 100, 3) } }),
      makeResult({ probe: 'loop', kind: 'agent-loop', repetition: 2, measurements: {} }),
      makeResult({
        probe: 'loop',
        kind: 'agent-loop',
        repetition: 3,
        measurements: { usage: usage(0, 0, 0) },
      }),
    ];
    expect(runCost(loops, 'small', [price], '2026-11-30').agentTask).toEqual({
      samples: 1,
      meanInputTokens: 900,
      meanOutputTokens: 100,
      costPer1k: 0.24,
    });
  });

  it('prices nothing for a target without a profile price list', () => {
    const cost = runCost(results, 'small', undefined, '2026-11-30');
    expect(cost.price).toBeNull();
    expect(cost.runCost).toBeNull();
    expect(cost.tokens.output).toBe(590);
  });

  it('costOf is per million tokens', () => {
    expect(costOf({ input: 1_000_000, output: 0 }, price)).toBe(0.2);
    expect(costOf({ input: 0, output: 2_000_000 }, price)).toBe(1.2);
  });
});
