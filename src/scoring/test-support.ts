/** @module Builders for hand-made ProbeResults and claims, plus a seeded PRNG, for the scoring tests. */
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import type { ComponentPath } from '../spec/scorecard.ts';
import type { AttestedClaim } from '../spec/target-profile.ts';

export function makeCheck(
  id: string,
  component: ComponentPath | null,
  passed: boolean | null,
  detail = '',
): CheckResult {
  return { id, component, passed, detail };
}

export function makeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    schemaVersion: 1,
    runId: 'run-1',
    suite: 'suite',
    probe: 'probe',
    kind: 'http',
    repetition: 1,
    attempt: 1,
    status: 'passed',
    reason: null,
    checks: [],
    timings: { startedAt: '2026-11-25T10:00:00.000Z', durationMs: 10 },
    measurements: {},
    evidence: [],
    ...overrides,
  };
}

export function makeClaim(
  overrides: Partial<AttestedClaim> & Pick<AttestedClaim, 'id' | 'component'>,
): AttestedClaim {
  return {
    criterion: 'criterion',
    quote: '(paraphrase) a claim',
    sourceUrl: 'https://example.test/doc',
    effectiveDate: '2026-01-01',
    retrievedDate: '2026-11-01',
    status: 'pass',
    confidence: 'docs',
    reverifyBy: '2027-05-25',
    ...overrides,
  };
}

/** mulberry32: a tiny deterministic PRNG so property tests replay exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
