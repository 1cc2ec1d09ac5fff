/** @module Tests for token-budget.ts. */
import { describe, expect, it } from 'vitest';
import type { AttestedPrice } from '../spec/scorecard.ts';
import { tokenBudgetFor } from './token-budget.ts';

const price: AttestedPrice = {
  currency: 'USD',
  inputPerMillion: 0.06,
  outputPerMillion: 0.18,
  batchDiscount: 0.5,
  asOf: '2026-11-26',
  source: 'https://example.com/pricing',
};

describe('tokenBudgetFor', () => {
  it('is absent without token or cost flags', () => {
    expect(tokenBudgetFor('m', {}, price)).toBeUndefined();
  });

  it('carries the token limit and the cost limit with its price', () => {
    expect(tokenBudgetFor('m', { budgetTokens: 5000, budgetCost: 0.01 }, price)).toEqual({
      maxTokens: 5000,
      maxCost: { amount: 0.01, price },
    });
  });

  it('refuses a cost budget when the profile has no price for the model', () => {
    expect(() => tokenBudgetFor('m', { budgetCost: 1 }, null)).toThrow(
      /--budget-cost: the target profile has no fresh price for the model "m"/,
    );
  });
});
