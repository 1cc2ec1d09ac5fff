/** @module Builders for hand-made ProbeResults and claims, plus a seeded PRNG, for the scoring tests. */
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import type { Rubric, RubricCheck, RubricScoring } from '../spec/rubric.ts';
import type { ComponentPath } from '../spec/scorecard.ts';
import type { AttestedClaim, TargetProfile } from '../spec/target-profile.ts';
import type { ComputeScorecardInput } from './compute-scorecard.ts';

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

/** The published scoring rules of rubrics/default.yaml, as a literal (scoring/ reads no files). */
export const TEST_SCORING: RubricScoring = {
  coverageFloor: 0.4,
  categoryCoverageFloor: 0.3,
  unknownFactCredit: 0,
  partialFactCredit: 0.5,
  partialCheckCredit: 0.5,
  capFailShare: 0.25,
  availabilityBands: [
    { atLeast: 0.999, points: 100 },
    { atLeast: 0.995, points: 90 },
    { atLeast: 0.99, points: 75 },
    { atLeast: 0.95, points: 40 },
    { atLeast: 0, points: 0 },
  ],
  serverErrorShareAbove: 0.01,
  loadSuites: ['rate-limits'],
  latencyBands: {
    ttftMs: {
      p50: [
        { atMostMs: 250, points: 100 },
        { atMostMs: 500, points: 70 },
        { atMostMs: 1000, points: 40 },
        { atMostMs: 2000, points: 10 },
      ],
      p95: [
        { atMostMs: 600, points: 100 },
        { atMostMs: 1200, points: 60 },
        { atMostMs: 2500, points: 30 },
      ],
    },
    e2eMs: {
      p50: [
        { atMostMs: 1000, points: 100 },
        { atMostMs: 2000, points: 70 },
        { atMostMs: 4000, points: 30 },
      ],
      p95: [
        { atMostMs: 2000, points: 100 },
        { atMostMs: 4000, points: 50 },
        { atMostMs: 8000, points: 20 },
      ],
    },
  },
};

/** A rubric check with placeholder wording, for hand-made rubrics in tests. */
export function testCheck(points: number, extra: Partial<RubricCheck> = {}): RubricCheck {
  return { points, title: 't', description: 'd', gotcha: 'g', advice: 'a', ...extra };
}

/** A profile holding the given claims, with empty descriptive sections (scoring reads only claims). */
export function makeProfile(name: string, claims: AttestedClaim[]): TargetProfile {
  return {
    schemaVersion: 1,
    name,
    title: name,
    description: '',
    homepage: 'https://example.test',
    tags: [],
    claims,
    sections: {
      bestWhen: '',
      avoidWhen: '',
      useCases: [],
      notFor: [],
      interface: {
        restApi: true,
        graphql: false,
        grpc: false,
        mcpServer: false,
        sdk: false,
        webhooks: false,
      },
      authentication: { methods: [], oauth: false, scopes: false, notes: '' },
      pricing: { model: '', freeTier: false, requiresCreditCard: false, notes: '' },
      agentMetadata: { pagination: '', idempotent: false, retryGuidance: '' },
    },
    gotchas: [],
    sources: [],
  };
}

/** The scoring input the property and rubric tests share: fixed target and clock, complete run. */
export function testScoringInput(
  results: ProbeResult[],
  rubric: Rubric,
  profile: TargetProfile | null,
): ComputeScorecardInput {
  return {
    results,
    rubric,
    profile,
    target: { name: 't', provider: 'mistral', baseUrl: 'https://example.test', model: 'm' },
    harnessVersion: 'test',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:05:00.000Z',
    asOf: '2026-11-25',
    complete: true,
  };
}
