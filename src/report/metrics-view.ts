/** @module Latency, JSON-mode, tool-call and availability tables from scorecard metrics. */
import type { Percentiles, Scorecard } from '../spec/scorecard.ts';
import { formatMs, formatRate, formatTokensPerSecond, formatWilsonInterval } from './format.ts';
import type { LatencyRow, RateRow } from './report-rows.ts';

function latencyRow(
  metric: string,
  values: Percentiles | undefined,
  samples: string,
  format: (n: number | null) => string,
): LatencyRow {
  return {
    metric,
    p50: format(values?.p50 ?? null),
    p95: format(values?.p95 ?? null),
    p99: format(values?.p99 ?? null),
    samples,
  };
}

export function latencyRows(latency: Scorecard['metrics']['latency']): LatencyRow[] {
  const samples = String(latency.samples);
  return [
    latencyRow('TTFT (time to first token)', latency.ttftMs, samples, formatMs),
    latencyRow('Time to first byte', latency.ttfbMs, samples, formatMs),
    latencyRow('Inter-token latency', latency.interTokenMs, samples, formatMs),
    latencyRow('End-to-end (e2e)', latency.e2eMs, samples, formatMs),
    latencyRow('Output tokens/s', latency.outputTokensPerSecond, samples, formatTokensPerSecond),
  ];
}

function rateRow(metric: string, rate: number | null, samples: number): RateRow {
  return {
    metric,
    value: formatRate(rate),
    interval: formatWilsonInterval(rate, samples),
    samples: String(samples),
  };
}

export function jsonModeRows(jsonMode: Scorecard['metrics']['jsonMode']): RateRow[] {
  return [
    rateRow('Declared coverage (request accepted)', jsonMode.declaredCoverage, jsonMode.samples),
    rateRow('Valid JSON (whole content parses)', jsonMode.validRate, jsonMode.samples),
    rateRow('Schema-valid (draft 2020-12)', jsonMode.schemaValidRate, jsonMode.samples),
  ];
}

export function toolCallRows(toolCalls: Scorecard['metrics']['toolCalls']): RateRow[] {
  return [
    rateRow('Forced call made', toolCalls.forcedCallRate, toolCalls.samples),
    rateRow('Valid arguments', toolCalls.validArgumentsRate, toolCalls.samples),
    rateRow('Repeated calls (lower is better)', toolCalls.repeatedCallRate, toolCalls.samples),
  ];
}

export function availabilityRows(availability: Scorecard['metrics']['availability']): RateRow[] {
  return [rateRow('Successful responses', availability.successRate, availability.samples)];
}
