/** @module Latency, JSON-mode, tool-call and availability tables from scorecard metrics. */
import { wilsonRate } from '../scoring/wilson-interval.ts';
import type { Percentiles, Rate, Scorecard } from '../spec/scorecard.ts';
import { formatInterval, formatMs, formatRate, formatTokensPerSecond } from './format.ts';
import type { LatencyRow, RateRow } from './report-rows.ts';

/** Samples behind a percentile row: its own count when the scorecard has one (TTFT is streaming-only). */
function latencyRow(
  metric: string,
  values: Percentiles | undefined,
  requests: number,
  format: (n: number | null) => string,
): LatencyRow {
  return {
    metric,
    p50: format(values?.p50 ?? null),
    p95: format(values?.p95 ?? null),
    p99: format(values?.p99 ?? null),
    samples: String(values?.samples ?? requests),
  };
}

export function latencyRows(latency: Scorecard['metrics']['latency']): LatencyRow[] {
  const requests = latency.samples;
  return [
    latencyRow('TTFT (time to first token)', latency.ttftMs, requests, formatMs),
    latencyRow('Time to first byte', latency.ttfbMs, requests, formatMs),
    latencyRow('Inter-token latency', latency.interTokenMs, requests, formatMs),
    latencyRow('End-to-end (e2e)', latency.e2eMs, requests, formatMs),
    latencyRow('Output tokens/s', latency.outputTokensPerSecond, requests, formatTokensPerSecond),
  ];
}

/**
 * A rate row from the scorecard's `Rate` when it carries one, else from the rate and its own
 * denominator (never the metric's request count: 9 schema-checked responses are n=9, not n=15).
 */
function rateRow(metric: string, rate: number | null, denominator: number, given?: Rate): RateRow {
  const evidence =
    given ??
    (typeof rate === 'number' && Number.isFinite(rate) && denominator > 0
      ? wilsonRate(Math.round(rate * denominator), denominator)
      : wilsonRate(0, 0));
  const value = given ? given.value : rate;
  return {
    metric,
    value: formatRate(value),
    interval: formatInterval(evidence.low, evidence.high),
    samples: evidence.denominator > 0 ? String(evidence.denominator) : String(denominator),
  };
}

type JsonModeMetrics = Scorecard['metrics']['jsonMode'] & { validRateCi?: Rate; schemaValidRateCi?: Rate };
type ToolCallMetrics = Scorecard['metrics']['toolCalls'] & {
  forcedCallRateCi?: Rate;
  validArgumentsRateCi?: Rate;
  repeatedCallRateCi?: Rate;
  loopGuardRateCi?: Rate;
};
type AvailabilityMetrics = Scorecard['metrics']['availability'] & {
  successRateCi?: Rate;
  serverErrorRateCi?: Rate;
};

export function jsonModeRows(jsonMode: JsonModeMetrics): RateRow[] {
  return [
    rateRow('Declared coverage (request accepted)', jsonMode.declaredCoverage, jsonMode.samples),
    rateRow(
      'Valid JSON (whole content parses)',
      jsonMode.validRate,
      jsonMode.accepted ?? jsonMode.samples,
      jsonMode.validRateCi,
    ),
    rateRow(
      'Schema-valid (draft 2020-12)',
      jsonMode.schemaValidRate,
      jsonMode.schemaChecked ?? jsonMode.samples,
      jsonMode.schemaValidRateCi,
    ),
  ];
}

export function toolCallRows(toolCalls: ToolCallMetrics): RateRow[] {
  const calls = toolCalls.calls ?? toolCalls.samples;
  const rows = [
    rateRow(
      'Forced call made',
      toolCalls.forcedCallRate,
      toolCalls.forced ?? toolCalls.samples,
      toolCalls.forcedCallRateCi,
    ),
    rateRow('Valid arguments', toolCalls.validArgumentsRate, calls, toolCalls.validArgumentsRateCi),
    rateRow(
      'Repeated calls (lower is better)',
      toolCalls.repeatedCallRate,
      calls,
      toolCalls.repeatedCallRateCi,
    ),
  ];
  if (toolCalls.loopGuardRateCi) {
    const guard = toolCalls.loopGuardRateCi;
    rows.push(rateRow('Agent loops hitting the iteration guard (lower is better)', guard.value, 0, guard));
  }
  return rows;
}

export function availabilityRows(availability: AvailabilityMetrics): RateRow[] {
  const rows = [
    rateRow(
      'Successful responses',
      availability.successRate,
      availability.samples,
      availability.successRateCi,
    ),
  ];
  if (availability.serverErrorRateCi) {
    const errors = availability.serverErrorRateCi;
    rows.push(rateRow('5xx or no answer, normal traffic (lower is better)', errors.value, 0, errors));
  }
  return rows;
}
