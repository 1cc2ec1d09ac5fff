import { describe, expect, it } from 'vitest';
import type { RubricComponent } from '../spec/rubric.ts';
import type { ComponentPath } from '../spec/scorecard.ts';
import { scoreComponent } from './score-component.ts';
import { makeCheck, makeClaim, pick, seededRandom } from './test-support.ts';

const PATH: ComponentPath = 'security.secretHandling';
const RUBRIC: RubricComponent = {
  nullAggregation: 'exclude',
  description: 'test component',
  checks: {
    echo: { points: 60, description: 'no echo', cap: { max: 20, label: 'key echoed in a response' } },
    cors: { points: 40, description: 'no cors' },
    minor: { points: 10, description: 'minor' },
  },
  bonuses: { extra: { points: 5, description: 'bonus' } },
  attested: {
    policy: { points: 30, description: 'penalty claim', cap: { max: 50, label: 'no policy' } },
    quality: { points: 40, description: 'score claim' },
  },
};
const ASOF = '2026-11-25';

const checks = (id: string, passed: number, failed: number) => [
  ...Array.from({ length: passed }, () => makeCheck(id, PATH, true)),
  ...Array.from({ length: failed }, () => makeCheck(id, PATH, false)),
];
const { attested: _attested, ...MEASURED_ONLY } = RUBRIC;
const score = (input: {
  checks?: ReturnType<typeof checks>;
  claims?: ReturnType<typeof makeClaim>[];
  rubric?: RubricComponent;
}) =>
  scoreComponent({
    path: PATH,
    rubric: input.rubric ?? RUBRIC,
    checks: input.checks ?? [],
    claims: input.claims ?? [],
    asOf: ASOF,
  });
const measuredOnly = (input: ReturnType<typeof checks>) => score({ checks: input, rubric: MEASURED_ONLY });
const claim = (id: string, overrides: Partial<Parameters<typeof makeClaim>[0]> = {}) =>
  makeClaim({ id, component: PATH, ...overrides });
const allClaimsPass = [claim('policy'), claim('quality', { score: 100 })];

describe('scoreComponent: measured checks', () => {
  it('loses points × fail rate and rounds only at the end', () => {
    // cors 1 of 3 failed: 40/3 = 13.33; minor 1 of 2: 5 → 81.67 → 82
    const result = measuredOnly([...checks('cors', 2, 1), ...checks('minor', 1, 1)]);
    expect(result.score).toBe(82);
    expect(result.source).toBe('measured');
    expect(result.evidence).toEqual(['cors', 'minor']);
  });

  it('applies a named cap as soon as the check fails at all', () => {
    const result = measuredOnly([...checks('echo', 99, 1), ...checks('cors', 1, 0)]);
    expect(result.score).toBe(20);
    expect(result.capsApplied).toEqual(['key echoed in a response → secretHandling ≤ 20']);
  });

  it('ignores null verdicts (not applicable)', () => {
    const result = measuredOnly([makeCheck('cors', PATH, null), ...checks('minor', 1, 0)]);
    expect(result.score).toBe(100);
    expect(result.evidence).toEqual(['minor']);
  });

  it('counts bonuses only when the penalty-only score is at least 90, up to 100', () => {
    expect(measuredOnly([...checks('minor', 0, 1), ...checks('extra', 1, 0)]).score).toBe(95);
    expect(measuredOnly([...checks('minor', 1, 0), ...checks('extra', 1, 0)]).score).toBe(100);
    expect(measuredOnly([...checks('cors', 0, 1), ...checks('extra', 1, 0)]).score).toBe(60);
  });

  it('lists check ids the rubric does not know in notes instead of dropping them silently', () => {
    const result = measuredOnly([...checks('minor', 1, 0), makeCheck('typo-check', PATH, false)]);
    expect(result.score).toBe(100);
    expect(result.notes).toContain('check ids not in the rubric for this component (not scored): typo-check');
  });

  it('gives null with source not-applicable when there is no evidence', () => {
    expect(score({})).toEqual({
      score: null,
      source: 'not-applicable',
      evidence: [],
      notes: 'no evidence',
      nullAggregation: 'exclude',
      capsApplied: [],
      unverified: [],
    });
    expect(measuredOnly([makeCheck('cors', PATH, null)]).score).toBeNull();
  });
});

describe('scoreComponent: attested claims', () => {
  it('pass costs nothing, partial half, fail all points and its cap', () => {
    const base = [claim('quality', { score: 100 })];
    expect(score({ claims: [...base, claim('policy')] }).score).toBe(100);
    expect(score({ claims: [...base, claim('policy', { status: 'partial' })] }).score).toBe(93);
    const failed = score({ claims: [...base, claim('policy', { status: 'fail' })] });
    expect(failed.score).toBe(50);
    expect(failed.capsApplied).toEqual(['no policy → secretHandling ≤ 50']);
    expect(failed.source).toBe('attested');
  });

  it('counts unknown and stale claims like partial, lists them as unverified, never as a pass', () => {
    const unknown = score({
      claims: [claim('quality', { score: 100 }), claim('policy', { status: 'unknown' })],
    });
    const stale = score({
      claims: [claim('quality', { score: 100 }), claim('policy', { reverifyBy: '2026-11-24' })],
    });
    const partial = score({
      claims: [claim('quality', { score: 100 }), claim('policy', { status: 'partial' })],
    });
    expect(unknown.score).toBe(partial.score);
    expect(stale.score).toBe(partial.score);
    expect(stale.score).toBeLessThan(100);
    expect(stale.unverified).toEqual(['policy']);
    expect(stale.notes).toContain('policy (stale since 2026-11-24)');
    // a stale fail is unknown too: its cap does not apply, and it still is not a pass
    expect(
      score({ claims: [claim('policy', { status: 'fail', reverifyBy: '2020-01-01' })] }).capsApplied,
    ).toEqual([]);
  });

  it('a claim due exactly on asOf is still fresh', () => {
    expect(
      score({ claims: [...allClaimsPass.slice(1), claim('policy', { reverifyBy: ASOF })] }).unverified,
    ).toEqual([]);
  });

  it('a stale score claim loses its score and counts as unknown', () => {
    const fresh = score({
      checks: checks('cors', 1, 0),
      claims: [claim('policy'), claim('quality', { score: 90 })],
    });
    const stale = score({
      checks: checks('cors', 1, 0),
      claims: [claim('policy'), claim('quality', { score: 90, reverifyBy: '2026-01-01' })],
    });
    expect(fresh.score).toBe(95);
    expect(stale.score).toBe(80);
    expect(stale.unverified).toEqual(['quality']);
  });

  it('averages the measured score with score claims and reports source mixed', () => {
    const result = score({
      checks: checks('cors', 0, 1),
      claims: [claim('policy'), claim('quality', { score: 82 })],
    });
    expect(result.score).toBe(71); // mean(60, 82)
    expect(result.source).toBe('mixed');
    expect(result.evidence).toEqual(['cors', 'policy', 'quality']);
  });

  it('a score claim alone is the component score', () => {
    const result = score({ claims: [claim('quality', { score: 82 })] });
    // policy is missing from the profile: unknown, half its points off the (penalty) part
    expect(result.score).toBe(84);
    expect(result.unverified).toEqual(['policy']);
  });

  it('missing claims count as unknown once the component is judged at all', () => {
    const result = score({ checks: checks('cors', 1, 0) });
    expect(result.score).toBe(65); // policy 15 + quality 20
    expect(result.unverified).toEqual(['policy', 'quality']);
    expect(result.notes).toContain('not in the target profile');
  });

  it('notes claim ids the rubric does not know', () => {
    const result = score({ claims: [...allClaimsPass, claim('mystery')] });
    expect(result.notes).toContain('claim ids not in the rubric for this component (not scored): mystery');
  });
});

describe('scoreComponent: properties (seeded)', () => {
  const ids = ['echo', 'cors', 'minor', 'extra', 'unknown-id'];
  const randomChecks = (random: () => number) =>
    Array.from({ length: Math.floor(random() * 12) }, () =>
      makeCheck(pick(random, ids), PATH, random() < 0.1 ? null : random() < 0.7),
    );

  // Once a component has a measured (or penalty) part, more failures only lower it. The one exception
  // is by design of the §4 mean: the first measured result joins an attested-only score (see below).
  it('an extra failed check never raises a component', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 500; run += 1) {
      const before = randomChecks(random);
      const claims = random() < 0.5 ? allClaimsPass : [];
      const extra = makeCheck(pick(random, ids), PATH, false);
      const scoreBefore = score({ checks: before, claims }).score;
      const scoreAfter = score({ checks: [...before, extra], claims }).score;
      if (scoreBefore !== null && scoreAfter !== null) expect(scoreAfter).toBeLessThanOrEqual(scoreBefore);
    }
  });

  it('the first measured result is averaged into an attested-only score (documented exception)', () => {
    const rubric: RubricComponent = {
      ...MEASURED_ONLY,
      attested: { quality: { points: 40, description: 'q' } },
    };
    const attestedOnly = score({ rubric, claims: [claim('quality', { score: 50 })] });
    const withFailure = score({
      rubric,
      checks: checks('minor', 0, 1),
      claims: [claim('quality', { score: 50 })],
    });
    expect(attestedOnly.score).toBe(50);
    expect(withFailure.score).toBe(70);
    expect(withFailure.source).toBe('mixed');
  });

  it('caps hold and scores are integers in 0-100', () => {
    const random = seededRandom(11);
    for (let run = 0; run < 500; run += 1) {
      const result = score({ checks: randomChecks(random), claims: random() < 0.5 ? allClaimsPass : [] });
      if (result.score === null) continue;
      expect(Number.isInteger(result.score)).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      for (const cap of result.capsApplied ?? []) {
        expect(result.score).toBeLessThanOrEqual(Number(cap.split('≤ ')[1]));
      }
    }
  });
});
