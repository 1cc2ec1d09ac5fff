/** @module Runs a plan's phases: shared probes concurrently, then load probes one at a time. */
import type { AdaptiveConcurrency } from './adaptive-concurrency.ts';
import type { PlannedProbe, PlanPhases } from './plan-probes.ts';

/**
 * Phase 2 starts only when every phase-1 probe has finished, so the 429s a burst provokes never
 * fall on another probe; it runs at concurrency 1 so load probes do not disturb each other either.
 * Probes not yet started when the signal aborts are not run.
 */
export async function runPhases(
  phases: PlanPhases,
  concurrency: AdaptiveConcurrency,
  runOne: (item: PlannedProbe) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  await Promise.all(
    phases.shared.map((item) =>
      concurrency.limit(async () => {
        if (!signal.aborted) await runOne(item);
      }),
    ),
  );
  for (const item of phases.alone) {
    if (signal.aborted) return;
    await runOne(item);
  }
}
