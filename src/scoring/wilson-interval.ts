/** @module A rate as evidence: numerator, denominator and its 95 % Wilson score interval. Pure. */
import type { Rate } from '../spec/scorecard.ts';

/** z for a two-sided 95 % interval. */
const Z = 1.959963984540054;

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Wilson rather than the normal approximation: it stays inside [0, 1] and is honest at the small
 * sample sizes a single run has (3 of 3 is "somewhere between 44 % and 100 %", not "100 %").
 */
export function wilsonRate(numerator: number, denominator: number): Rate {
  if (!Number.isFinite(denominator) || denominator <= 0) {
    return { numerator: 0, denominator: 0, value: null, low: null, high: null };
  }
  const n = denominator;
  const p = Math.min(1, Math.max(0, numerator / n));
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const margin = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    numerator,
    denominator,
    value: round4(p),
    low: round4(Math.max(0, centre - margin)),
    high: round4(Math.min(1, centre + margin)),
  };
}
