/** @module Published step mappings (rubric `scoring`): availability by nines, latency percentiles by thresholds. */
import type { AvailabilityBand, LatencyBand } from '../spec/rubric.ts';

/** Points for a success rate (0-1): the first band, best first, whose `atLeast` the rate reaches; else 0. */
export function availabilityPoints(successRate: number, bands: readonly AvailabilityBand[]): number {
  // Rounded so 0.999 computed as 998.9999…/1000 still reaches the 99.9 % band.
  const rate = Math.round(successRate * 1e9) / 1e9;
  for (const band of bands) if (rate >= band.atLeast) return band.points;
  return 0;
}

/** Points for a latency (ms): the first band, best first, whose `atMostMs` it stays within; else 0. */
export function latencyPoints(valueMs: number, bands: readonly LatencyBand[]): number {
  for (const band of bands) if (valueMs <= band.atMostMs) return band.points;
  return 0;
}
