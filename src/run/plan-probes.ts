/** @module Planning: suites × probes × repeat in a deterministic order, shards that partition it, and the phases it runs in. */
import { resultKey } from '../spec/result-key.ts';
import type { ProbeSpec, SuiteSpec } from '../spec/suite.ts';

export interface PlannedProbe {
  /** Stable key `suite/probe#repetition` (see `resultKey`), used for resume and dedupe. */
  key: string;
  index: number;
  suite: SuiteSpec;
  probe: ProbeSpec;
  repetition: number;
}

export function planKey(suite: string, probe: string, repetition: number): string {
  return resultKey({ suite, probe, repetition });
}

/** Suites in id order, probes in file order, repetitions in order; optional suite filter. */
export function planProbes(suites: SuiteSpec[], onlySuites: string[] = []): PlannedProbe[] {
  const chosen = onlySuites.length ? suites.filter((suite) => onlySuites.includes(suite.id)) : suites;
  const ordered = [...chosen].sort((left, right) => left.id.localeCompare(right.id));
  const plan: PlannedProbe[] = [];
  for (const suite of ordered) {
    for (const probe of suite.probes) {
      for (let repetition = 1; repetition <= (probe.repeat ?? 1); repetition += 1) {
        plan.push({
          key: planKey(suite.id, probe.id, repetition),
          index: plan.length,
          suite,
          probe,
          repetition,
        });
      }
    }
  }
  return plan;
}

/**
 * A probe loads the target on purpose when it declares `optIn: burst` (the rate-limit burst, the
 * oversized input): the same declaration that makes it opt-in on remote targets. Its 429s and slow
 * answers must not fall on other probes, so it runs alone, after them.
 */
export function loadsTarget(probe: Pick<ProbeSpec, 'optIn'>): boolean {
  return probe.optIn === 'burst';
}

export interface PlanPhases {
  /** Ordinary probes, run concurrently. */
  shared: PlannedProbe[];
  /** Probes that load the target, run one at a time after every shared probe has finished. */
  alone: PlannedProbe[];
}

/**
 * Splits a plan into its phases, each in plan order, except that `burst` probes lead the load phase:
 * they measure the rate limiter itself (remaining counters, Retry-After), which only a bucket no other
 * load probe has drained shows the same way every run. Other load probes only need to reach a 429.
 */
export function planPhases(plan: readonly PlannedProbe[]): PlanPhases {
  const load = plan.filter((item) => loadsTarget(item.probe));
  return {
    shared: plan.filter((item) => !loadsTarget(item.probe)),
    alone: [
      ...load.filter((item) => item.probe.kind === 'burst'),
      ...load.filter((item) => item.probe.kind !== 'burst'),
    ],
  };
}

export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (1-based). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard must be I/N with 1 ≤ I ≤ N, got "${text}"`);
  }
  return { index, count };
}

/**
 * Round-robin by plan index so every shard gets a similar mix of suites; the union of all shards is
 * the whole plan and no probe is in two shards.
 */
export function shardPlan(plan: PlannedProbe[], shard: Shard): PlannedProbe[] {
  return plan.filter((item) => item.index % shard.count === shard.index - 1);
}
