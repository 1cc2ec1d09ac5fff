/** @module `--budget-tokens` and `--budget-cost` turned into the gate's token budget; a cost budget needs a fresh price. */
import type { AttestedPrice } from '../spec/scorecard.ts';
import type { TokenBudget } from './request-gate.ts';
import { RunSettingsError } from './run-settings.ts';

/** The gate's token budget from the flags; `price` is the profile's fresh price for the model (null: none). */
export function tokenBudgetFor(
  model: string,
  limits: { budgetTokens?: number; budgetCost?: number },
  price: AttestedPrice | null,
): TokenBudget | undefined {
  if (limits.budgetTokens === undefined && limits.budgetCost === undefined) return undefined;
  const budget: TokenBudget = {};
  if (limits.budgetTokens !== undefined) budget.maxTokens = limits.budgetTokens;
  if (limits.budgetCost !== undefined) {
    // Without a list price a cost budget could never stop the run: refuse it before any request.
    if (!price)
      throw new RunSettingsError(
        `--budget-cost: the target profile has no fresh price for the model "${model}" (add it under prices:, or use --budget-tokens)`,
      );
    budget.maxCost = { amount: limits.budgetCost, price };
  }
  return budget;
}
