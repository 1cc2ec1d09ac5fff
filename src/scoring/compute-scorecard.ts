/** @module Entry point of scoring: ProbeResults + rubric + target profile → Scorecard. Pure and deterministic. */
import type { PreflightRecord } from '../spec/preflight-record.ts';
import type { HistoryEvidence, ProbeResult } from '../spec/probe-result.ts';
import type { Rubric } from '../spec/rubric.ts';
import {
  CATEGORY_COMPONENTS,
  CATEGORY_IDS,
  type CategoryId,
  type CategoryScore,
  type ComponentPath,
  type ComponentScore,
  SCORECARD_SCHEMA_VERSION,
  type Scorecard,
} from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { aggregateCategory } from './aggregate-category.ts';
import { computeMetrics } from './compute-metrics.ts';
import { countProbes, dedupeResults } from './dedupe-results.ts';
import { deriveGotchas } from './derive-gotchas.ts';
import { type RoutedEvidence, routeEvidence } from './route-evidence.ts';
import { judgeRunValidity, withoutScores } from './run-validity.ts';
import { scoreComponent } from './score-component.ts';

export interface ComputeScorecardInput {
  /** Every results.jsonl line, in any order; retries and merged shards are deduplicated here. */
  results: readonly ProbeResult[];
  rubric: Rubric;
  profile: TargetProfile | null;
  target: Scorecard['target'];
  harnessVersion: string;
  startedAt: string;
  finishedAt: string;
  /** ISO date attested claims are judged against (the caller's clock, never read here). */
  asOf: string;
  /** False when the run stopped early (budget, interruption). */
  complete: boolean;
  /** Tallies carried over from earlier stored runs (e.g. availability over a window), counted as measured. */
  history?: readonly HistoryEvidence[];
  /** The run's preflight (run.json); a failed one makes the run invalid. */
  preflight?: PreflightRecord;
}

function scoreCategory(
  category: CategoryId,
  rubric: Rubric,
  routed: RoutedEvidence,
  asOf: string,
  history: readonly HistoryEvidence[],
): CategoryScore {
  const components: Record<string, ComponentScore> = {};
  for (const component of CATEGORY_COMPONENTS[category]) {
    const path = `${category}.${component}` as ComponentPath;
    components[component] = scoreComponent({
      path,
      rubric: rubric.components[path],
      checks: routed.checks.get(path) ?? [],
      claims: routed.claims.get(path) ?? [],
      asOf,
      history: history.filter((evidence) => evidence.component === path),
    });
  }
  const aggregate = aggregateCategory(rubric.categories[category]?.weights ?? {}, components);
  return { score: aggregate.score, components, notes: aggregate.notes };
}

/** Same input → deep-equal output with keys in a fixed order, so JSON.stringify is byte-identical. */
export function computeScorecard(input: ComputeScorecardInput): Scorecard {
  const results = dedupeResults(input.results);
  const routed = routeEvidence(results, input.profile);
  const scores = {} as Record<CategoryId, CategoryScore>;
  for (const category of CATEGORY_IDS)
    scores[category] = scoreCategory(category, input.rubric, routed, input.asOf, input.history ?? []);
  // A run that could not measure its target gets no scores, only the reason (DESIGN §3).
  const validity = judgeRunValidity(results, input.preflight);
  const { name, provider, baseUrl, model, contacted } = input.target;
  return {
    schemaVersion: SCORECARD_SCHEMA_VERSION,
    harnessVersion: input.harnessVersion,
    rubricVersion: input.rubric.rubricVersion,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    complete: input.complete,
    target: { name, provider, baseUrl, model, ...(contacted ? { contacted } : {}) },
    scores: validity.valid ? scores : withoutScores(scores),
    metrics: computeMetrics(results),
    probes: countProbes(results),
    gotchas: deriveGotchas(results, input.profile),
    scoringNotes: routed.notes,
    validity,
  };
}
