/** @module Category score = weighted mean of component scores, with null handled per component. */
import { roundScore } from './round-score.ts';

/** What aggregation needs from a component score. */
export interface AggregationInput {
  score: number | null;
  /** Defaults to `exclude`. */
  nullAggregation?: 'zero' | 'exclude';
}

export interface CategoryAggregate {
  score: number | null;
  notes: string;
}

/**
 * Weighted mean of component scores, rounded to an integer. A null component counts as 0 when its
 * `nullAggregation` is `zero` (Assay: "a missing MCP server scores 0") and is dropped with the
 * remaining weights renormalised when it is `exclude`. All components null gives null.
 * Components are read in the order of `components`; a component without a weight counts 0 weight.
 */
export function aggregateCategory(
  weights: Readonly<Record<string, number>>,
  components: Readonly<Record<string, AggregationInput>>,
): CategoryAggregate {
  const ids = Object.keys(components);
  const zeroed: string[] = [];
  const excluded: string[] = [];
  const unweighted: string[] = [];
  let weightedSum = 0;
  let weightTotal = 0;
  for (const id of ids) {
    const component = components[id];
    if (component === undefined) continue;
    const weight = Object.hasOwn(weights, id) ? (weights[id] ?? 0) : 0;
    if (!Object.hasOwn(weights, id)) unweighted.push(id);
    if (component.score === null) {
      if (component.nullAggregation === 'zero') zeroed.push(id);
      else {
        excluded.push(id);
        continue;
      }
    }
    weightedSum += weight * (component.score ?? 0);
    weightTotal += weight;
  }
  const notes: string[] = [];
  if (unweighted.length > 0) notes.push(`no weight in the rubric (counted 0): ${unweighted.join(', ')}`);
  if (zeroed.length + excluded.length === ids.length) {
    return { score: null, notes: ['no component could be judged', ...notes].join('; ') };
  }
  if (zeroed.length > 0) notes.push(`no evidence, counted as 0 (nullAggregation zero): ${zeroed.join(', ')}`);
  if (excluded.length > 0) {
    notes.push(
      `no evidence, left out with weights renormalised (nullAggregation exclude): ${excluded.join(', ')}`,
    );
  }
  if (weightTotal <= 0)
    return { score: null, notes: ['judged components carry no weight', ...notes].join('; ') };
  if (notes.length === 0) notes.push('weighted mean of all components');
  return { score: roundScore(weightedSum / weightTotal), notes: notes.join('; ') };
}
