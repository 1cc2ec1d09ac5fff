/** @module Latency changes between two runs, judged against noise (Mann–Whitney) and a minimum effect. */
import type { ProbeResult } from '../spec/probe-result.ts';
import { mannWhitneyU, median } from './mann-whitney.ts';

export type LatencyMetric = 'ttftMs' | 'e2eMs' | 'interTokenMs';
export const LATENCY_METRICS: readonly LatencyMetric[] = ['ttftMs', 'e2eMs', 'interTokenMs'];

/** Significance level of the two-sided test. */
export const LATENCY_ALPHA = 0.01;
/** Minimum median shift, relative to the base median and absolute, for a change to count. */
export const LATENCY_MIN_RELATIVE_SHIFT = 0.1;
export const LATENCY_MIN_ABSOLUTE_SHIFT_MS = 5;

export interface LatencyShift {
  metric: LatencyMetric;
  baseSamples: number;
  newSamples: number;
  baseP50: number | null;
  newP50: number | null;
  /** Two-sided Mann–Whitney p-value; null when either run has no samples. */
  pValue: number | null;
  /** True only when the shift is both significant (p < α) and large enough (≥ 10 % and ≥ 5 ms). */
  changed: boolean;
  direction: 'slower' | 'faster' | null;
}

/** Per-result samples of one metric, from results that declared themselves latency probes. */
export function latencySamples(results: readonly ProbeResult[], metric: LatencyMetric): number[] {
  const samples: number[] = [];
  for (const result of results) {
    if (result.measurements.latency !== true) continue;
    const value = result.timings[metric];
    if (typeof value === 'number' && Number.isFinite(value)) samples.push(value);
  }
  return samples;
}

export function latencyShift(
  base: readonly ProbeResult[],
  next: readonly ProbeResult[],
  metric: LatencyMetric,
): LatencyShift {
  const before = latencySamples(base, metric);
  const after = latencySamples(next, metric);
  const baseP50 = median(before);
  const newP50 = median(after);
  const empty = { metric, baseSamples: before.length, newSamples: after.length, baseP50, newP50 };
  if (baseP50 === null || newP50 === null) return { ...empty, pValue: null, changed: false, direction: null };
  const { pValue } = mannWhitneyU(before, after);
  const shift = newP50 - baseP50;
  const large =
    Math.abs(shift) >= LATENCY_MIN_RELATIVE_SHIFT * Math.abs(baseP50) &&
    Math.abs(shift) >= LATENCY_MIN_ABSOLUTE_SHIFT_MS;
  const changed = pValue < LATENCY_ALPHA && large;
  return { ...empty, pValue, changed, direction: changed ? (shift > 0 ? 'slower' : 'faster') : null };
}

export function latencyShifts(base: readonly ProbeResult[], next: readonly ProbeResult[]): LatencyShift[] {
  return LATENCY_METRICS.map((metric) => latencyShift(base, next, metric));
}
