/**
 * @module The improvement roadmap: failing checks ranked by the headline points each would gain if
 * fixed. Exact rather than estimated: each check is flipped to passing and the run re-scored, so
 * weights, caps, coverage and normalisation all count as they do for the real score. Pure.
 */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Rubric } from '../spec/rubric.ts';
import { CATEGORY_IDS, type CategoryId, type RoadmapItem, type Scorecard } from '../spec/scorecard.ts';

export type { RoadmapItem };

import { type ComputeScorecardInput, computeScorecard } from './compute-scorecard.ts';

function checkAdvice(rubric: Rubric, checkId: string): string | null {
  for (const component of Object.values(rubric.components)) {
    const check = (
      component?.checks as Record<string, { advice?: string; description?: string }> | undefined
    )?.[checkId];
    if (check) return check.advice ?? check.description ?? null;
  }
  return null;
}

function withCheckPassing(results: readonly ProbeResult[], checkId: string): ProbeResult[] {
  return results.map((result) => {
    if (!result.checks.some((check) => check.id === checkId && check.passed === false)) return result;
    const checks = result.checks.map((check) =>
      check.id === checkId && check.passed === false ? { ...check, passed: true, partial: undefined } : check,
    );
    const stillFailing = checks.some((check) => check.passed === false);
    return { ...result, checks, status: stillFailing ? result.status : 'passed' };
  });
}

function headline(scorecard: Scorecard, category: CategoryId): number | null {
  return scorecard.scores[category]?.score ?? null;
}

/** Failing checks, most valuable fix first (ties by check id, so the order is stable). */
export function improvementRoadmap(input: ComputeScorecardInput, limit = 20): RoadmapItem[] {
  const baseline = computeScorecard(input);
  if (baseline.validity?.valid === false) return [];
  const failing = new Map<string, { components: Set<string>; failedIn: string[]; evidence: string }>();
  for (const result of input.results) {
    for (const check of result.checks) {
      if (check.passed !== false) continue;
      const entry = failing.get(check.id) ?? {
        components: new Set<string>(),
        failedIn: [],
        evidence: check.detail,
      };
      if (check.component) entry.components.add(check.component);
      entry.failedIn.push(`${result.suite}/${result.probe}#${result.repetition}`);
      failing.set(check.id, entry);
    }
  }
  const items: RoadmapItem[] = [];
  for (const [checkId, entry] of failing) {
    const fixed = computeScorecard({ ...input, results: withCheckPassing(input.results, checkId) });
    const gains: Partial<Record<CategoryId, number>> = {};
    let totalGain = 0;
    for (const category of CATEGORY_IDS) {
      const before = headline(baseline, category);
      const after = headline(fixed, category);
      if (before === null || after === null || after <= before) continue;
      gains[category] = after - before;
      totalGain += after - before;
    }
    items.push({
      checkId,
      components: [...entry.components].sort(),
      gains,
      totalGain,
      failedIn: [...new Set(entry.failedIn)].sort(),
      evidence: entry.evidence,
      advice: checkAdvice(input.rubric, checkId),
    });
  }
  return items
    .sort((left, right) => right.totalGain - left.totalGain || left.checkId.localeCompare(right.checkId))
    .slice(0, limit);
}
