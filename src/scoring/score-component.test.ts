import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../spec/probe-result.ts';
import type { RubricComponent } from '../spec/rubric.ts';
import type { ComponentPath } from '../spec/scorecard.ts';
import type { CheckEvidence } from './check-evidence.ts';
import { scoreComponent } from './score-component.ts';
import { makeCheck, makeClaim, pick, seededRandom, TEST_SCORING, testCheck } from './test-support.ts';

// Stryker's instrumented runs (vitest.mutate.config.ts) use fewer seeded cases per property.
const UNDER_MUTATION = process.env.AGENTSCORE_MUTATION === '1';
const PATH: ComponentPath = 'security.secretHandling';
const RUBRIC: RubricComponent = {
  nullAggregation: 'zero',
  description: 'test component',
  checks: {
    echo: testCheck(60, { cap: { max: 20, label: 'key echoed in a response', failShareAbove: 0 } }),
    cors: testCheck(40, { cap: { max: 50, label: 'origin reflected' } }),
    minor: testCheck(10),
    derived: testCheck(20, { derived: true }),
  },
  attested: {
    policy: { ...testCheck(30), cap: { max: 50, label: 'no policy' } },
    quality: testCheck(40),
  },
};
const ASOF = '2026-11-25';

const checks = (id: string, passed: number, failed: number, partial = 0): CheckResult[] => [
  ...Array.from({ length: passed }, () => makeCheck(id, PATH, true)),
  ...Array.from({ length: failed }, () => makeCheck(id, PATH, false)),
  ...Array.from({ length: partial }, () => ({ ...makeCheck(id, PATH, false), partial: true })),
];
const { attested: _attested, ...MEASURED_ONLY } = RUBRIC;
const claim = (id: string, overrides: Partial<Parameters<typeof makeClaim>[0]> = {}) =>
  makeClaim({ id, component: PATH, ...overrides });
const score = (input: {
  checks?: CheckResult[];
  claims?: ReturnType<typeof makeClaim>[];
  rubric?: RubricComponent;
  derived?: CheckEvidence[];
}) =>
  scoreComponent({
    path: PATH,
    rubric: input.rubric ?? RUBRIC,
    scoring: TEST_SCORING,
    checks: input.checks ?? [],
    derived: new Map((input.derived ?? []).map((evidence) => [evidence.id, evidence])),
    claims: input.claims ?? [],
    asOf: ASOF,
  });
const measuredOnly = (input: CheckResult[]) => score({ checks: input, rubric: MEASURED_ONLY });

describe('scoreComponent: checks', () => {
  it('earns points × pass share, normalised to the checks that ran, and rounds only at the end', () => {
    // echo 60 of 60; cors 3 of 4 passed: 30 of 40 (a quarter failed: its cap does not bind yet);
    // minor 1 of 2: 5 of 10 → 95 / 110 = 86.4
    const result = measuredOnly([...checks('echo', 1, 0), ...checks('cors', 3, 1), ...checks('minor', 1, 1)]);
    expect(result.score).toBe(86);
    expect(result.capsApplied).toEqual([]);
    expect(result.source).toBe('measured');
    expect(result.evidence).toEqual(['echo', 'cors', 'minor']);
    expect(result.coverage).toEqual({ judged: 110, total: 130, share: 110 / 130, samples: 7 });
  });

  it('a cap binds only past its published failure share; a fatal-once cap binds at any failure', () => {
    expect(measuredOnly([...checks('cors', 9, 1), ...checks('echo', 10, 0)]).capsApplied).toEqual([]);
    const many = measuredOnly([...checks('cors', 1, 3), ...checks('echo', 10, 0)]);
    expect(many.capsApplied).toEqual(['origin reflected → secretHandling ≤ 50']);
    const once = measuredOnly([...checks('echo', 99, 1), ...checks('cors', 1, 0)]);
    expect(once.score).toBe(20);
    expect(once.capsApplied).toEqual(['key echoed in a response → secretHandling ≤ 20']);
  });

  it('a partial failure earns the published partial credit', () => {
    const minorOnly: RubricComponent = { ...MEASURED_ONLY, checks: { minor: testCheck(10) } };
    const partial = score({ rubric: minorOnly, checks: checks('minor', 0, 0, 1) });
    const full = score({ rubric: minorOnly, checks: checks('minor', 0, 1) });
    expect(partial.score).toBe(50);
    expect(full.score).toBe(0);
  });

  it('derived checks come from the scorer, never from a probe emitting the same id', () => {
    const emitted = measuredOnly([...checks('derived', 0, 5), ...checks('echo', 1, 0)]);
    expect(emitted.evidence).toEqual(['echo']);
    expect(emitted.score).toBe(100);
    const derived = score({
      rubric: MEASURED_ONLY,
      checks: [...checks('echo', 1, 0), ...checks('minor', 1, 0)],
      derived: [{ id: 'derived', samples: 40, credit: 0.5, failShare: 0.5, failed: 20 }],
    });
    // (60 + 10 + 20 × 0.5) / 90
    expect(derived.score).toBe(89);
    expect(derived.coverage?.samples).toBe(42);
  });

  it('no evidence at all is null and not applicable; ids the rubric lacks are noted', () => {
    const result = measuredOnly(checks('stray', 1, 1));
    expect(result.score).toBeNull();
    expect(result.source).toBe('not-applicable');
    expect(result.notes).toContain('stray');
  });

  it('below the coverage floor the score is null with "insufficient evidence"', () => {
    const result = measuredOnly(checks('minor', 1, 0));
    expect(result.coverage?.share).toBeCloseTo(10 / 130, 9);
    expect(result.score).toBeNull();
    expect(result.notes).toContain('insufficient evidence');
  });
});

describe('scoreComponent: attested facts decide verdicts, never scores', () => {
  const measured = [...checks('echo', 3, 0), ...checks('cors', 3, 0)];

  it('a passing fact earns its points; a failing one earns none and binds its cap', () => {
    expect(score({ checks: measured, claims: [claim('policy'), claim('quality')] }).score).toBe(100);
    const failing = score({
      checks: measured,
      claims: [claim('policy', { status: 'fail' }), claim('quality')],
    });
    expect(failing.score).toBe(50);
    expect(failing.capsApplied).toEqual(['no policy → secretHandling ≤ 50']);
    const partial = score({
      checks: measured,
      claims: [claim('policy'), claim('quality', { status: 'partial' })],
    });
    expect(partial.score).toBe(88); // (100 + 30 + 20) / 170
  });

  it('unknown, stale and absent facts score the same: the published unknown credit, never a pass', () => {
    const unknown = score({
      checks: measured,
      claims: [claim('policy'), claim('quality', { status: 'unknown' })],
    });
    const stale = score({
      checks: measured,
      claims: [claim('policy'), claim('quality', { reverifyBy: '2026-01-01' })],
    });
    const absent = score({ checks: measured, claims: [claim('policy')] });
    for (const result of [unknown, stale, absent]) {
      expect(result.score).toBe(76); // (100 + 30) / 170
      expect(result.unverified).toEqual(['quality']);
      expect(result.coverage?.judged).toBe(130);
    }
  });

  it('a capped fact that cannot be verified binds its cap too, so removing a profile never lifts a score', () => {
    const failed = score({
      checks: measured,
      claims: [claim('policy', { status: 'fail' }), claim('quality')],
    });
    const noProfile = score({ checks: measured, claims: [] });
    expect(noProfile.capsApplied).toEqual(['no policy (not verified) → secretHandling ≤ 50']);
    expect(noProfile.score ?? 0).toBeLessThanOrEqual(failed.score ?? 0);
  });

  it('facts alone make an attested score; unknown facts alone are not evidence', () => {
    const factsOnly: RubricComponent = {
      nullAggregation: 'zero',
      description: 'facts',
      checks: {},
      attested: RUBRIC.attested,
    };
    const attested = score({
      rubric: factsOnly,
      claims: [claim('policy'), claim('quality', { status: 'partial' })],
    });
    expect(attested.source).toBe('attested');
    expect(attested.score).toBe(71); // (30 + 20) / 70
    const nothing = score({ rubric: factsOnly, claims: [claim('policy', { status: 'unknown' })] });
    expect(nothing.score).toBeNull();
    expect(nothing.source).toBe('not-applicable');
  });

  it('facts the rubric lacks are noted, duplicates keep the first', () => {
    const result = score({
      checks: measured,
      claims: [claim('policy'), claim('policy', { status: 'fail' }), claim('quality'), claim('other')],
    });
    expect(result.score).toBe(100);
    expect(result.notes).toContain('fact ids not in the rubric for this component (not scored): other');
    expect(result.notes).toContain('duplicate facts ignored (first kept): policy');
  });
});

describe('scoreComponent: gates and notes, word for word', () => {
  const GATED: RubricComponent = {
    nullAggregation: 'exclude',
    description: 'gated',
    checks: {
      answered: testCheck(20, { derived: true, gate: true }),
      first: testCheck(40),
      second: testCheck(40),
    },
  };
  const answered = (failShare: number): CheckEvidence => ({
    id: 'answered',
    samples: 4,
    credit: 1 - failShare,
    failShare,
    failed: failShare * 4,
  });

  it("a gate's unanswered share counts the checks no answer could show as failed", () => {
    // answered 10 of 20, first 40 of 40, second unjudged: 40 × 0.5 = 20 points failed → 50 / 80.
    const result = score({ rubric: GATED, checks: checks('first', 1, 0), derived: [answered(0.5)] });
    expect(result.score).toBe(63);
    expect(result.coverage).toEqual({ judged: 80, total: 100, share: 0.8, samples: 5 });
    expect(result.notes).toBe(
      '2 checks judged from 5 samples, 2 failed; coverage 80 % of 100 points; 20 points of checks no answer could show counted as failed (50 % of requests unanswered)',
    );
  });

  it('a gate changes nothing when every request was answered or every check was judged', () => {
    expect(score({ rubric: GATED, checks: checks('first', 1, 0), derived: [answered(0)] }).score).toBe(100);
    const allJudged = score({
      rubric: GATED,
      checks: [...checks('first', 1, 0), ...checks('second', 1, 0)],
      derived: [answered(0.5)],
    });
    expect(allJudged.score).toBe(90);
    expect(allJudged.notes).not.toContain('counted as failed');
  });

  it('only gate checks count: a failing ordinary check leaves unjudged ones unjudged', () => {
    const ungated: RubricComponent = {
      ...GATED,
      checks: { ...GATED.checks, answered: testCheck(20, { derived: true }) },
    };
    // answered 10 of 20, first 40 of 40: 50 / 60.
    expect(score({ rubric: ungated, checks: checks('first', 1, 0), derived: [answered(0.5)] }).score).toBe(
      83,
    );
  });

  it('words the notes of a mixed component and its caps', () => {
    const result = score({
      checks: [...checks('echo', 3, 0), ...checks('cors', 1, 1), ...checks('ghost', 1, 0)],
      claims: [claim('policy', { status: 'fail' }), claim('quality', { status: 'unknown' })],
    });
    expect(result.source).toBe('mixed');
    expect(result.notes).toBe(
      '2 checks judged from 5 samples, 1 failed; facts: policy fail; could not verify (earns 0 %): quality (status unknown); coverage 65 % of 200 points; check ids not in the rubric for this component (not scored): ghost',
    );
    expect(result.capsApplied).toEqual([
      'origin reflected → secretHandling ≤ 50',
      'no policy → secretHandling ≤ 50',
    ]);
  });

  it('says insufficient evidence with the floor and keeps the source', () => {
    const measured = measuredOnly(checks('minor', 1, 0));
    expect(measured.notes.startsWith('insufficient evidence (coverage below 40 %); ')).toBe(true);
    expect(measured.source).toBe('measured');
    const mixed = score({ checks: checks('minor', 1, 0), claims: [claim('policy', { status: 'unknown' })] });
    expect(mixed.source).toBe('measured');
    const withFact = score({
      rubric: { ...RUBRIC, checks: { ...RUBRIC.checks, big: testCheck(500) } },
      checks: checks('minor', 1, 0),
      claims: [claim('policy')],
    });
    expect(withFact.score).toBeNull();
    expect(withFact.source).toBe('mixed');
    const factsOnly = score({
      rubric: { ...RUBRIC, checks: { big: testCheck(500) } },
      claims: [claim('policy')],
    });
    expect(factsOnly.score).toBeNull();
    expect(factsOnly.source).toBe('attested');
  });

  it('sorts and joins the stray and duplicate facts it notes', () => {
    const result = score({
      checks: [...checks('echo', 3, 0), ...checks('cors', 3, 0)],
      claims: [
        claim('zeta'),
        claim('alpha'),
        claim('quality'),
        claim('policy'),
        claim('quality', { status: 'fail' }),
        claim('policy', { status: 'fail' }),
      ],
    });
    expect(result.score).toBe(100);
    expect(result.notes).toContain('fact ids not in the rubric for this component (not scored): alpha, zeta');
    expect(result.notes).toContain('duplicate facts ignored (first kept): quality, policy');
  });

  it('joins every list it notes, sorted where the input order is arbitrary', () => {
    const result = score({
      checks: [...checks('echo', 3, 0), ...checks('zombie', 1, 0), ...checks('banshee', 1, 0)],
      claims: [claim('policy'), claim('quality', { status: 'fail' })],
    });
    expect(result.notes).toContain('facts: policy pass, quality fail');
    expect(result.notes).toContain(
      'check ids not in the rubric for this component (not scored): banshee, zombie',
    );
    const unknown = score({ checks: checks('echo', 3, 0), claims: [] });
    expect(unknown.notes).toContain(
      'could not verify (earns 0 %): policy (not in the target profile), quality (not in the target profile)',
    );
  });

  it('finds the gate among the judged checks wherever the rubric lists it', () => {
    const gateLast: RubricComponent = {
      nullAggregation: 'exclude',
      description: 'gate listed last',
      checks: {
        first: testCheck(40),
        second: testCheck(40),
        answered: testCheck(20, { derived: true, gate: true }),
      },
    };
    const result = score({
      rubric: gateLast,
      checks: checks('first', 1, 0),
      derived: [{ id: 'answered', samples: 4, credit: 0.5, failShare: 0.5, failed: 2 }],
    });
    expect(result.score).toBe(63);
  });

  it('scores at exactly the coverage floor, with no caps listed when it cannot score', () => {
    const twoChecks: RubricComponent = {
      nullAggregation: 'exclude',
      description: 'floor',
      checks: { a: testCheck(40), b: testCheck(60, { cap: { max: 10, label: 'b fails' } }) },
    };
    expect(score({ rubric: twoChecks, checks: checks('a', 1, 0) }).score).toBe(100);
    const below = score({
      rubric: { ...twoChecks, checks: { ...twoChecks.checks, a: testCheck(39) } },
      checks: checks('a', 1, 0),
    });
    expect(below).toMatchObject({ score: null, capsApplied: [] });
    expect(score({ rubric: twoChecks, checks: [] })).toMatchObject({ score: null, capsApplied: [] });
  });

  it('leaves derived checks unjudged when the scorer passed none', () => {
    const result = scoreComponent({
      path: PATH,
      rubric: MEASURED_ONLY,
      scoring: TEST_SCORING,
      checks: checks('echo', 1, 0),
      claims: [],
      asOf: ASOF,
    });
    expect(result.evidence).toEqual(['echo']);
  });

  it('a cap of 100 never binds nor shows', () => {
    const loose: RubricComponent = {
      nullAggregation: 'zero',
      description: 'loose cap',
      checks: { only: testCheck(10, { cap: { max: 100, label: 'harmless', failShareAbove: 0 } }) },
    };
    expect(score({ rubric: loose, checks: checks('only', 1, 1) })).toMatchObject({
      score: 50,
      capsApplied: [],
    });
  });

  it('notes a component the rubric does not know', () => {
    const result = scoreComponent({
      path: PATH,
      rubric: undefined,
      scoring: TEST_SCORING,
      checks: checks('echo', 1, 0),
      claims: [claim('policy')],
      asOf: ASOF,
    });
    expect(result).toMatchObject({ score: null, source: 'not-applicable', nullAggregation: 'exclude' });
    expect(result.notes).toBe(
      'no evidence; coverage 0 % of 0 points; the rubric has no entry for this component; check ids not in the rubric for this component (not scored): echo; fact ids not in the rubric for this component (not scored): policy',
    );
  });
});

describe('scoreComponent: properties', () => {
  const ids = ['echo', 'cors', 'minor'];
  const statuses = ['pass', 'partial', 'fail', 'unknown'] as const;

  function randomCase(random: () => number) {
    const list: CheckResult[] = [];
    for (const id of ids) {
      const count = Math.floor(random() * 4);
      for (let index = 0; index < count; index += 1) list.push(makeCheck(id, PATH, random() < 0.7));
    }
    const claims = ['policy', 'quality']
      .filter(() => random() < 0.7)
      .map((id) => claim(id, { status: pick(random, statuses) }));
    return { checks: list, claims };
  }

  it('an extra failure never raises the score; removing the profile never raises it', () => {
    const random = seededRandom(1311);
    for (let run = 0; run < (UNDER_MUTATION ? 100 : 500); run += 1) {
      const base = randomCase(random);
      const before = score(base).score;
      const id = pick(
        random,
        ids.filter((candidate) => base.checks.some((check) => check.id === candidate)).concat(['echo']),
      );
      const worse = score({ ...base, checks: [...base.checks, makeCheck(id, PATH, false)] }).score;
      if (before !== null && worse !== null && base.checks.some((check) => check.id === id)) {
        expect(worse, JSON.stringify(base)).toBeLessThanOrEqual(before);
      }
      const withoutProfile = score({ checks: base.checks }).score;
      if (before !== null && withoutProfile !== null) expect(withoutProfile).toBeLessThanOrEqual(before);
      if (before === null) expect(withoutProfile).toBeNull();
    }
  });

  it('stays within 0-100 and is an integer', () => {
    const random = seededRandom(7);
    for (let run = 0; run < (UNDER_MUTATION ? 60 : 300); run += 1) {
      const result = score(randomCase(random)).score;
      if (result !== null) {
        expect(Number.isInteger(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(100);
      }
    }
  });
});
