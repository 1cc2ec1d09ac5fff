/** @module Rounding and clamping of 0-100 scores, shared by components and categories. */

/**
 * Rounds a score to an integer, half up. Rounds to 6 decimals first so floating-point noise
 * (62.49999999999999 from a different summation order) never flips the displayed integer.
 */
export function roundScore(value: number): number {
  return Math.round(Math.round(value * 1e6) / 1e6);
}

/** Keeps a score inside 0-100. */
export function clampScore(value: number): number {
  return Math.min(100, Math.max(0, value));
}
