/** @module Scorecard metrics (latency, JSON mode, tool calls, availability) from deduplicated ProbeResults. */
import type { ProbeResult, ProbeTimings } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import { percentiles } from './percentiles.ts';
import { wilsonRate } from './wilson-interval.ts';

export type ScorecardMetrics = Scorecard['metrics'];

/** Below this many samples a rate or percentile is reported with a low-confidence note. */
export const LOW_CONFIDENCE_SAMPLES = 30;

type LatencyField = 'ttftMs' | 'ttfbMs' | 'e2eMs' | 'interTokenMs' | 'outputTokensPerSecond';
const LATENCY_FIELDS: readonly LatencyField[] = [
  'ttftMs',
  'ttfbMs',
  'e2eMs',
  'interTokenMs',
  'outputTokensPerSecond',
];

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** "x from n samples: low confidence" for every denominator under the threshold. */
function confidenceNotes(denominators: Readonly<Record<string, number>>): string {
  return Object.entries(denominators)
    .filter(([, samples]) => samples > 0 && samples < LOW_CONFIDENCE_SAMPLES)
    .map(([name, samples]) => `${name} from ${samples} samples: low confidence (< ${LOW_CONFIDENCE_SAMPLES})`)
    .join('; ');
}

function timingValue(timings: ProbeTimings, field: LatencyField): number | undefined {
  const value = timings[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function latencyMetrics(results: readonly ProbeResult[]): ScorecardMetrics['latency'] {
  // Errored and skipped attempts carry timeouts, not latencies: only answered requests are samples.
  const timed = results.filter(
    (result) =>
      result.measurements.latency === true && (result.status === 'passed' || result.status === 'failed'),
  );
  const values = (field: LatencyField) =>
    timed.map((result) => timingValue(result.timings, field)).filter((value) => value !== undefined);
  const samples = timed.filter((result) =>
    LATENCY_FIELDS.some((field) => timingValue(result.timings, field) !== undefined),
  ).length;
  const ttftMs = percentiles(values('ttftMs'));
  const ttfbMs = percentiles(values('ttfbMs'));
  const e2eMs = percentiles(values('e2eMs'));
  const interTokenMs = percentiles(values('interTokenMs'));
  const outputTokensPerSecond = percentiles(values('outputTokensPerSecond'));
  const notes = confidenceNotes({
    ttftMs: ttftMs.samples,
    ttfbMs: ttfbMs.samples,
    e2eMs: e2eMs.samples,
    interTokenMs: interTokenMs.samples,
    outputTokensPerSecond: outputTokensPerSecond.samples,
  });
  return { samples, notes, ttftMs, ttfbMs, e2eMs, interTokenMs, outputTokensPerSecond };
}

function jsonModeMetrics(results: readonly ProbeResult[]): ScorecardMetrics['jsonMode'] {
  const measured = results.flatMap((result) =>
    result.measurements.jsonMode ? [result.measurements.jsonMode] : [],
  );
  const accepted = measured.filter((sample) => sample.accepted);
  const schemaChecked = accepted.filter((sample) => sample.schemaValid !== null);
  const valid = accepted.filter((sample) => sample.valid).length;
  const schemaValid = schemaChecked.filter((sample) => sample.schemaValid === true).length;
  return {
    samples: measured.length,
    declaredCoverage: ratio(accepted.length, measured.length),
    validRate: ratio(valid, accepted.length),
    schemaValidRate: ratio(schemaValid, schemaChecked.length),
    accepted: accepted.length,
    schemaChecked: schemaChecked.length,
    notes: confidenceNotes({
      declaredCoverage: measured.length,
      validRate: accepted.length,
      schemaValidRate: schemaChecked.length,
    }),
    validRateCi: wilsonRate(valid, accepted.length),
    schemaValidRateCi: wilsonRate(schemaValid, schemaChecked.length),
  };
}

function toolCallMetrics(results: readonly ProbeResult[]): ScorecardMetrics['toolCalls'] {
  const measured = results.flatMap((result) =>
    result.measurements.toolCalls ? [result.measurements.toolCalls] : [],
  );
  const forced = measured.filter((sample) => sample.forced);
  const calls = measured.reduce((sum, sample) => sum + sample.calls, 0);
  const validArguments = measured.reduce((sum, sample) => sum + sample.validArguments, 0);
  const repeatedCalls = measured.reduce((sum, sample) => sum + sample.repeatedCalls, 0);
  const forcedMade = forced.filter((sample) => sample.forcedCallMade === true).length;
  // Agent-loop conversations are the samples that report how many iterations they took.
  const loops = measured.filter((sample) => sample.iterations !== undefined);
  const hitGuard = loops.filter((sample) => sample.hitGuard === true).length;
  return {
    samples: measured.length,
    forcedCallRate: ratio(forcedMade, forced.length),
    validArgumentsRate: ratio(validArguments, calls),
    repeatedCallRate: ratio(repeatedCalls, calls),
    forced: forced.length,
    calls,
    notes: confidenceNotes({ forcedCallRate: forced.length, toolCalls: calls }),
    forcedCallRateCi: wilsonRate(forcedMade, forced.length),
    validArgumentsRateCi: wilsonRate(validArguments, calls),
    repeatedCallRateCi: wilsonRate(repeatedCalls, calls),
    loopGuardRateCi: wilsonRate(hitGuard, loops.length),
  };
}

/**
 * Availability from the `availability` verdicts (an errored ordinary request carries a failed one),
 * plus the 5xx share of normal traffic (`serverErrors`, from derive-checks, passed in).
 */
function availabilityMetrics(
  results: readonly ProbeResult[],
  normalTraffic?: { exchanges: number; serverErrors: number },
): ScorecardMetrics['availability'] {
  const verdicts = results.flatMap((result) =>
    result.checks.filter((check) => check.id === 'availability' && check.passed !== null),
  );
  const answered = verdicts.filter((check) => check.passed === true).length;
  return {
    samples: verdicts.length,
    successRate: ratio(answered, verdicts.length),
    notes: confidenceNotes({ successRate: verdicts.length }),
    successRateCi: wilsonRate(answered, verdicts.length),
    ...(normalTraffic
      ? { serverErrorRateCi: wilsonRate(normalTraffic.serverErrors, normalTraffic.exchanges) }
      : {}),
  };
}

/** All scorecard metrics. Pass deduplicated results (see dedupeResults) so retries count once. */
export function computeMetrics(
  results: readonly ProbeResult[],
  normalTraffic?: { exchanges: number; serverErrors: number },
): ScorecardMetrics {
  return {
    latency: latencyMetrics(results),
    jsonMode: jsonModeMetrics(results),
    toolCalls: toolCallMetrics(results),
    availability: availabilityMetrics(results, normalTraffic),
  };
}
