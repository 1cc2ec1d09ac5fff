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
  type ScoringInput,
} from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { aggregateCategory } from './aggregate-category.ts';
import type { CheckEvidence } from './check-evidence.ts';
import { computeMetrics } from './compute-metrics.ts';
import { countProbes, dedupeResults } from './dedupe-results.ts';
import { deriveChecks, normalTraffic } from './derive-checks.ts';
import { deriveGotchas } from './derive-gotchas.ts';
import { openAiDropInVerdict } from './openai-drop-in-verdict.ts';
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
  /** ISO date attested facts are judged against (the caller's clock, never read here). */
  asOf: string;
  /** False when the run stopped early (budget, interruption). */
  complete: boolean;
  /** Tallies carried over from earlier stored runs (e.g. availability over a window), counted as measured. */
  history?: readonly HistoryEvidence[];
  /** The run's preflight (run.json); a failed one makes the run invalid. */
  preflight?: PreflightRecord;
  /** Names and content hashes of the rubric and profile files (computed by the caller, which reads them). */
  inputs?: { rubric: ScoringInput; profile: ScoringInput | null };
}

interface CategoryContext {
  rubric: Rubric;
  routed: RoutedEvidence;
  derived: ReadonlyMap<string, CheckEvidence>;
  asOf: string;
  history: readonly HistoryEvidence[];
}

function scoreCategory(category: CategoryId, context: CategoryContext): CategoryScore {
  const { rubric } = context;
  const components: Record<string, ComponentScore> = {};
  for (const component of CATEGORY_COMPONENTS[category]) {
    const path = `${category}.${component}` as ComponentPath;
    components[component] = scoreComponent({
      path,
      rubric: rubric.components[path],
      scoring: rubric.scoring,
      checks: context.routed.checks.get(path) ?? [],
      derived: context.derived,
      claims: context.routed.claims.get(path) ?? [],
      asOf: context.asOf,
      history: context.history.filter((evidence) => evidence.component === path),
    });
  }
  const aggregate = aggregateCategory(
    rubric.categories[category]?.weights ?? {},
    components,
    rubric.scoring.categoryCoverageFloor ?? rubric.scoring.coverageFloor,
  );
  return { score: aggregate.score, components, notes: aggregate.notes, coverage: aggregate.coverage };
}

/** Derived check ids of the rubric, in rubric order. */
function derivedIds(rubric: Rubric): string[] {
  return Object.values(rubric.components).flatMap((component) =>
    Object.entries(component?.checks ?? {})
      .filter(([, rule]) => rule.derived === true)
      .map(([id]) => id),
  );
}

/** Same input → deep-equal output with keys in a fixed order, so JSON.stringify is byte-identical. */
export function computeScorecard(input: ComputeScorecardInput): Scorecard {
  const results = dedupeResults(input.results);
  const routed = routeEvidence(results, input.profile);
  const traffic = normalTraffic(results, input.rubric.scoring);
  const metrics = computeMetrics(results, traffic);
  const derived = deriveChecks(derivedIds(input.rubric), {
    results,
    scoring: input.rubric.scoring,
    metrics,
  });
  if (derived.unknown.length > 0) {
    routed.notes.push(
      `derived checks the scorer does not implement (not scored): ${derived.unknown.join(', ')}`,
    );
  }
  const context: CategoryContext = {
    rubric: input.rubric,
    routed,
    derived: derived.evidence,
    asOf: input.asOf,
    history: input.history ?? [],
  };
  const scores = {} as Record<CategoryId, CategoryScore>;
  for (const category of CATEGORY_IDS) scores[category] = scoreCategory(category, context);
  // A run that could not measure its target gets no scores, only the reason (DESIGN §3).
  const validity = judgeRunValidity(results, input.preflight);
  const dropIn = openAiDropInVerdict(results);
  const { name, provider, baseUrl, model, contacted, preset } = input.target;
  return {
    schemaVersion: SCORECARD_SCHEMA_VERSION,
    harnessVersion: input.harnessVersion,
    rubricVersion: input.rubric.rubricVersion,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    complete: input.complete,
    target: {
      name,
      provider,
      baseUrl,
      model,
      ...(contacted ? { contacted } : {}),
      ...(preset ? { preset } : {}),
    },
    scores: validity.valid ? scores : withoutScores(scores),
    metrics,
    probes: countProbes(results),
    gotchas: deriveGotchas(results, input.profile, input.rubric, [...derived.evidence.values()], input.asOf),
    scoringNotes: routed.notes,
    ...(input.inputs ? { inputs: input.inputs } : {}),
    ...(dropIn && validity.valid ? { openAiDropIn: dropIn } : {}),
    validity,
  };
}
