/** @module What a run used and cost: reported tokens over its results, priced from the profile's attested list price. */
import type { ProbeResult, TokenUsage } from '../spec/probe-result.ts';
import type { AttestedPrice, RunCost } from '../spec/scorecard.ts';
import type { ProfilePrice } from '../spec/target-profile.ts';
import { isFresh } from './attested-evidence.ts';

/** The probe kind whose results are agent tasks: a tool loop run to its end. */
export const AGENT_TASK_KIND = 'agent-loop';

/** Cost of reported tokens at a per-million list price. */
export function costOf(
  tokens: Pick<TokenUsage, 'input' | 'output'>,
  price: Pick<AttestedPrice, 'inputPerMillion' | 'outputPerMillion'>,
): number {
  return (tokens.input * price.inputPerMillion + tokens.output * price.outputPerMillion) / 1_000_000;
}

/** Money rounded to a billionth: enough for per-token prices, and free of float noise in scorecard.json. */
function money(amount: number): number {
  return Math.round(amount * 1e9) / 1e9;
}

/** The profile's price for the model, when it has one that is still fresh on `asOf` (a stale price is unknown). */
export function priceFor(
  prices: readonly ProfilePrice[] | undefined,
  model: string,
  asOf: string,
): AttestedPrice | null {
  const listed = prices?.find((price) => price.model === model);
  if (!listed || !isFresh(listed, asOf)) return null;
  const { currency, inputPerMillion, outputPerMillion, batchDiscount, asOf: readOn, source } = listed;
  return { currency, inputPerMillion, outputPerMillion, batchDiscount, asOf: readOn, source };
}

function usageOf(result: ProbeResult): TokenUsage | undefined {
  return result.measurements.usage;
}

/**
 * Tokens summed over every result's reported usage; the agent task is the mean over agent-loop
 * conversations whose every answer carried usage (a partly metered conversation would look cheap).
 */
export function runCost(
  results: readonly ProbeResult[],
  model: string,
  prices: readonly ProfilePrice[] | undefined,
  asOf: string,
): RunCost {
  const price = priceFor(prices, model, asOf);
  const tokens = { input: 0, output: 0, exchangesWithUsage: 0, unmetered: 0 };
  for (const result of results) {
    const usage = usageOf(result);
    if (!usage) continue;
    tokens.input += usage.input;
    tokens.output += usage.output;
    tokens.exchangesWithUsage += usage.exchangesWithUsage;
    tokens.unmetered += usage.unmetered;
  }
  const tasks = results
    .filter((result) => result.kind === AGENT_TASK_KIND)
    .map(usageOf)
    .filter((usage): usage is TokenUsage => !!usage && usage.exchangesWithUsage > 0 && usage.unmetered === 0);
  let agentTask: RunCost['agentTask'] = null;
  if (tasks.length > 0) {
    const mean = {
      input: tasks.reduce((sum, usage) => sum + usage.input, 0) / tasks.length,
      output: tasks.reduce((sum, usage) => sum + usage.output, 0) / tasks.length,
    };
    agentTask = {
      samples: tasks.length,
      meanInputTokens: Math.round(mean.input * 100) / 100,
      meanOutputTokens: Math.round(mean.output * 100) / 100,
      costPer1k: price ? money(1000 * costOf(mean, price)) : null,
    };
  }
  return { model, price, tokens, runCost: price ? money(costOf(tokens, price)) : null, agentTask };
}
