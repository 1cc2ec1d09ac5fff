/** @module The Pricing section's numbers: the attested list price, what this run used and cost, and the cost of 1,000 agent tasks. */
import type { RunCost } from '../spec/scorecard.ts';
import type { LabelValue } from './report-rows.ts';

export interface PricingView {
  rows: LabelValue[];
  note: string;
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function money(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { maximumSignificantDigits: 4 })} ${currency}`;
}

/** Rows for the report, or null when the scorecard has no cost (scored before costs existed). */
export function pricingView(cost: RunCost | undefined): PricingView | null {
  if (!cost) return null;
  const { price, tokens, agentTask } = cost;
  const rows: LabelValue[] = [{ label: 'Model priced', value: cost.model }];
  if (price) {
    const batch =
      price.batchDiscount === null ? '' : ` (batch API: ${Math.round(price.batchDiscount * 100)} % off)`;
    rows.push(
      {
        label: 'List price per million tokens',
        value: `${money(price.inputPerMillion, price.currency)} input · ${money(price.outputPerMillion, price.currency)} output${batch}`,
      },
      { label: 'Price source', value: `${price.source} (read ${price.asOf})` },
    );
  }
  rows.push({
    label: 'Tokens used by this run',
    value: `${count.format(tokens.input)} input + ${count.format(tokens.output)} output over ${count.format(tokens.exchangesWithUsage)} metered answers${tokens.unmetered ? ` (${count.format(tokens.unmetered)} answers without usage)` : ''}`,
  });
  if (price && cost.runCost !== null)
    rows.push({ label: 'Cost of this run', value: money(cost.runCost, price.currency) });
  if (agentTask) {
    rows.push({
      label: 'Agent task (mean of agent-loop conversations)',
      value: `${count.format(agentTask.meanInputTokens)} input + ${count.format(agentTask.meanOutputTokens)} output tokens (n=${agentTask.samples})`,
    });
    if (price && agentTask.costPer1k !== null) {
      const batch =
        price.batchDiscount === null
          ? ''
          : ` (${money(agentTask.costPer1k * (1 - price.batchDiscount), price.currency)} through the batch API)`;
      rows.push({
        label: 'Cost per 1,000 agent tasks',
        value: `${money(agentTask.costPer1k, price.currency)}${batch}`,
      });
    }
  }
  const note = price
    ? 'Tokens are what the target reported in its usage blocks; the price is an attested fact of the target profile, never a guess.'
    : `The profile attests no fresh price for ${cost.model}: tokens are counted, no cost is computed.`;
  return { rows, note };
}
