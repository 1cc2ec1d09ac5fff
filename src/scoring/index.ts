/** @module Public API of the pure scoring layer. */
export { type AggregationInput, aggregateCategory, type CategoryAggregate } from './aggregate-category.ts';
export { type ClaimVerdict, isFresh, judgeClaim } from './attested-evidence.ts';
export { availabilityPoints, latencyPoints } from './band-points.ts';
export { type CheckEvidence, measuredEvidence, tallyChecks } from './check-evidence.ts';
export { computeMetrics, LOW_CONFIDENCE_SAMPLES, type ScorecardMetrics } from './compute-metrics.ts';
export { type ComputeScorecardInput, computeScorecard } from './compute-scorecard.ts';
export { countProbes, dedupeResults, probeId } from './dedupe-results.ts';
export { DERIVED_CHECKS, deriveChecks, erroredByTarget, normalTraffic } from './derive-checks.ts';
export { deriveGotchas, formatPercent } from './derive-gotchas.ts';
export { nearestRank, percentiles } from './percentiles.ts';
export { clampScore, roundScore } from './round-score.ts';
export { type ComponentInput, scoreComponent } from './score-component.ts';
export { wilsonRate } from './wilson-interval.ts';
