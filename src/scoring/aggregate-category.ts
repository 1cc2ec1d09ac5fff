/** @module Category score = weighted mean of component scores, with coverage and a published floor. */
import type { Coverage } from '../spec/scorecard.ts';
import { roundScore } from './round-score.ts';

/** What aggregation needs from a component score. */
export interface AggregationInput {
  score: number | null;
  /** Defaults to `exclude`. */
  nullAggregation?: 'zero' | 'exclude';
  /** Absent (hand-made inputs, old scorecards): judged in full when it has a score, else not at all. */
  coverage?: Coverage;
}

export interface CategoryAggregate {
  score: number | null;
  notes: string;
  coverage: Coverage;
}

/**
 * Weighted mean of component scores, rounded to an integer. A null component counts as 0 when its
 * `nullAggregation` is `zero` (facts that could not be verified, a missing MCP server) and is left
 * out when it is `exclude` (a measured component whose suite did not run). Coverage is the weight
 * times the coverage share of each component; below `coverageFloor` the category is null.
 */
export function aggregateCategory(
  weights: Readonly<Record<string, number>>,
  components: Readonly<Record<string, AggregationInput>>,
  coverageFloor = 0,
): CategoryAggregate {
  const ids = Object.keys(components);
  const zeroed: string[] = [];
  const excluded: string[] = [];
  const unweighted: string[] = [];
  let weightedSum = 0;
  let weightTotal = 0;
  let judgedWeight = 0;
  let allWeight = 0;
  let samples = 0;
  for (const id of ids) {
    const component = components[id];
    if (component === undefined) continue;
    const weight = Object.hasOwn(weights, id) ? (weights[id] ?? 0) : 0;
    if (!Object.hasOwn(weights, id)) unweighted.push(id);
    allWeight += weight;
    const share = component.coverage?.share ?? (component.score === null ? 0 : 1);
    judgedWeight += weight * share;
    samples += component.coverage?.samples ?? 0;
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
  const coverage: Coverage = {
    judged: Math.round(judgedWeight * 1e6) / 1e6,
    total: Math.round(allWeight * 1e6) / 1e6,
    share: allWeight === 0 ? 0 : Math.round((judgedWeight / allWeight) * 1e6) / 1e6,
    samples,
  };
  const notes: string[] = [];
  if (unweighted.length > 0) notes.push(`no weight in the rubric (counted 0): ${unweighted.join(', ')}`);
  if (zeroed.length + excluded.length === ids.length) {
    return { score: null, notes: ['no component could be judged', ...notes].join('; '), coverage };
  }
  if (zeroed.length > 0) notes.push(`not judged, counted as 0: ${zeroed.join(', ')}`);
  if (excluded.length > 0) notes.push(`not measured in this run, left out: ${excluded.join(', ')}`);
  if (weightTotal <= 0) {
    return { score: null, notes: ['judged components carry no weight', ...notes].join('; '), coverage };
  }
  if (coverage.share < coverageFloor) {
    return {
      score: null,
      notes: [
        `insufficient evidence (coverage ${Math.round(coverage.share * 100)} % below ${Math.round(coverageFloor * 100)} %)`,
        ...notes,
      ].join('; '),
      coverage,
    };
  }
  if (notes.length === 0) notes.push('weighted mean of all components');
  return { score: roundScore(weightedSum / weightTotal), notes: notes.join('; '), coverage };
}
