/** @module Tests for pricing-view.ts. */
import { describe, expect, it } from 'vitest';
import type { RunCost } from '../spec/scorecard.ts';
import { pricingView } from './pricing-view.ts';

const cost: RunCost = {
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
};

describe('pricingView', () => {
  it('shows the price, the run and 1,000 agent tasks with numbers', () => {
    const view = pricingView(cost)!;
    expect(Object.fromEntries(view.rows.map((row) => [row.label, row.value]))).toEqual({
      'Model priced': 'small',
      'List price per million tokens': '0.2 EUR input · 0.6 EUR output (batch API: 50 % off)',
      'Price source': 'https://example.com/pricing (read 2026-11-26)',
      'Tokens used by this run': '3,700 input + 590 output over 9 metered answers (1 answers without usage)',
      'Cost of this run': '0.001094 EUR',
      'Agent task (mean of agent-loop conversations)': '1,000 input + 120 output tokens (n=2)',
      'Cost per 1,000 agent tasks': '0.272 EUR (0.136 EUR through the batch API)',
    });
  });

  it('says that no cost is computed without a price, and is absent without a cost', () => {
    const view = pricingView({ ...cost, price: null, runCost: null, agentTask: null })!;
    expect(view.rows.map((row) => row.label)).toEqual(['Model priced', 'Tokens used by this run']);
    expect(view.note).toContain('no cost is computed');
    expect(pricingView(undefined)).toBeNull();
  });
});
