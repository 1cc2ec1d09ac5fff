/** @module Checks the scorer derives from all results together (rubric `derived: true`): no probe emits them. */
import { type FailureReason, type ProbeResult, TARGET_FAILURE_REASONS } from '../spec/probe-result.ts';
import type { RubricScoring } from '../spec/rubric.ts';
import type { Percentiles } from '../spec/scorecard.ts';
import { availabilityPoints, latencyPoints } from './band-points.ts';
import type { CheckEvidence } from './check-evidence.ts';
import type { ScorecardMetrics } from './compute-metrics.ts';
import { probeId } from './dedupe-results.ts';

/** Failures the target caused (an errored probe is evidence of unavailability, not silence). */
const TARGET_FAILURES = new Set<FailureReason>(TARGET_FAILURE_REASONS);

/** True when the result errored because of the target (not our budget, an opt-in or a skip). */
export function erroredByTarget(result: ProbeResult): boolean {
  return result.status === 'errored' && result.reason !== null && TARGET_FAILURES.has(result.reason);
}

interface DeriveContext {
  results: readonly ProbeResult[];
  scoring: RubricScoring;
  metrics: ScorecardMetrics;
}

type DeriveCheck = (context: DeriveContext) => CheckEvidence | null;

/** Exchanges of ordinary traffic: every probe except load-testing suites and burst probes. */
export function normalTraffic(
  results: readonly ProbeResult[],
  scoring: Pick<RubricScoring, 'loadSuites'>,
): { exchanges: number; serverErrors: number } {
  const loadSuites = new Set(scoring.loadSuites);
  let exchanges = 0;
  let serverErrors = 0;
  for (const result of results) {
    if (loadSuites.has(result.suite) || result.kind === 'burst' || result.status === 'skipped') continue;
    for (const exchange of result.evidence) {
      exchanges += 1;
      if (exchange.status === null || exchange.status >= 500) serverErrors += 1;
    }
    // A request that never got an answer may have left no exchange behind: count it once.
    if (erroredByTarget(result) && !result.evidence.some((exchange) => exchange.status === null)) {
      exchanges += 1;
      serverErrors += 1;
    }
  }
  return { exchanges, serverErrors };
}

function serverErrorProbes(context: DeriveContext): string[] {
  const loadSuites = new Set(context.scoring.loadSuites);
  const ids = context.results
    .filter(
      (result) =>
        !loadSuites.has(result.suite) &&
        result.kind !== 'burst' &&
        (erroredByTarget(result) ||
          result.evidence.some((exchange) => exchange.status === null || exchange.status >= 500)),
    )
    .map(probeId);
  return [...new Set(ids)].sort();
}

const noServerErrorsUnderNormalLoad: DeriveCheck = (context) => {
  const { exchanges, serverErrors } = normalTraffic(context.results, context.scoring);
  if (exchanges === 0) return null;
  const share = serverErrors / exchanges;
  const failing = share > context.scoring.serverErrorShareAbove;
  return {
    id: 'no-5xx-under-normal-load',
    samples: exchanges,
    credit: availabilityPoints(1 - share, context.scoring.availabilityBands) / 100,
    failShare: failing ? share : 0,
    failed: failing ? serverErrors : 0,
    detail: `${serverErrors} of ${exchanges} normal-traffic exchanges got 5xx or no answer`,
    probeIds: failing ? serverErrorProbes(context) : [],
  };
};

const shapeFingerprintStable: DeriveCheck = (context) => {
  const byProbe = new Map<string, string[]>();
  for (const result of context.results) {
    const fingerprint = result.measurements.shapeFingerprint;
    if (!Array.isArray(fingerprint) || result.status === 'errored' || result.status === 'skipped') continue;
    const key = probeId(result);
    byProbe.set(key, [...(byProbe.get(key) ?? []), JSON.stringify([...fingerprint].sort())]);
  }
  const repeated = [...byProbe.entries()].filter(([, shapes]) => shapes.length >= 2);
  if (repeated.length === 0) return null;
  const changed = repeated.filter(([, shapes]) => new Set(shapes).size > 1).map(([id]) => id);
  return {
    id: 'shape-fingerprint-stable',
    samples: repeated.length,
    credit: 1 - changed.length / repeated.length,
    failShare: changed.length / repeated.length,
    failed: changed.length,
    probeIds: changed,
    detail:
      changed.length === 0
        ? `same shape across repetitions of ${repeated.length} probe(s)`
        : `shape changed between repetitions of ${changed.join(', ')}`,
  };
};

/** Share of a kind's requests that were answered (no target failure and no 5xx). */
function answered(id: string, kinds: ReadonlySet<string>): DeriveCheck {
  return (context) => {
    const relevant = context.results.filter(
      (result) => kinds.has(result.kind) && result.status !== 'skipped',
    );
    if (relevant.length === 0) return null;
    const failedResults = relevant.filter(
      (result) =>
        erroredByTarget(result) ||
        result.evidence.some((exchange) => exchange.status !== null && exchange.status >= 500),
    );
    const failed = failedResults.length;
    return {
      id,
      samples: relevant.length,
      credit: 1 - failed / relevant.length,
      failShare: failed / relevant.length,
      failed,
      detail: `${failed} of ${relevant.length} requests got no usable answer`,
      probeIds: [...new Set(failedResults.map(probeId))].sort(),
    };
  };
}

function latencyProbes(context: DeriveContext): string[] {
  const ids = context.results.filter((result) => result.measurements.latency === true).map(probeId);
  return [...new Set(ids)].sort();
}

function latencyCheck(id: string, metric: 'ttftMs' | 'e2eMs'): DeriveCheck {
  return (context) => {
    const observed: Percentiles = context.metrics.latency[metric];
    if (observed.p50 === null || observed.p95 === null) return null;
    const bands = context.scoring.latencyBands[metric];
    const points = (latencyPoints(observed.p50, bands.p50) + latencyPoints(observed.p95, bands.p95)) / 2;
    return {
      id,
      samples: observed.samples ?? 0,
      credit: points / 100,
      failShare: 1 - points / 100,
      failed: points < 100 ? 1 : 0,
      probeIds: points < 100 ? latencyProbes(context) : [],
      detail: `${metric} p50 ${Math.round(observed.p50)} ms, p95 ${Math.round(observed.p95)} ms → ${points} points`,
    };
  };
}

/** Every derived check the scorer implements, by rubric check id. */
export const DERIVED_CHECKS: Readonly<Record<string, DeriveCheck>> = {
  'no-5xx-under-normal-load': noServerErrorsUnderNormalLoad,
  'shape-fingerprint-stable': shapeFingerprintStable,
  'tool-turns-answered': answered('tool-turns-answered', new Set(['tool-call', 'agent-loop'])),
  'json-answers-complete': answered('json-answers-complete', new Set(['json-mode'])),
  'latency-ttft': latencyCheck('latency-ttft', 'ttftMs'),
  'latency-e2e': latencyCheck('latency-e2e', 'e2eMs'),
};

/** Derived evidence for the given ids; ids without an implementation are returned as `unknown`. */
export function deriveChecks(
  ids: readonly string[],
  context: DeriveContext,
): { evidence: Map<string, CheckEvidence>; unknown: string[] } {
  const evidence = new Map<string, CheckEvidence>();
  const unknown: string[] = [];
  for (const id of ids) {
    const derive = DERIVED_CHECKS[id];
    if (derive === undefined) {
      unknown.push(id);
      continue;
    }
    const derived = derive(context);
    if (derived !== null) evidence.set(id, derived);
  }
  return { evidence, unknown };
}
