import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Rubric } from '../spec/rubric.ts';
import { aggregateCategory } from './aggregate-category.ts';
import { roundScore } from './round-score.ts';
import { seededRandom } from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;
const weights = (category: keyof Rubric['categories']) => rubric.categories[category].weights;

// The seed page's numbers test the weights only; they are never evidence (no profile carries them).
// Components the seed page does not have (tool use, structured output, latency) are null there.
describe('aggregateCategory: calibration of the weights against the seed page (must hold exactly)', () => {
  it('Agent Friendliness 62 from MCP --(zero)/82/80/92/80', () => {
    const result = aggregateCategory(weights('agentFriendliness'), {
      mcpQuality: { score: null, nullAggregation: 'zero' },
      documentation: { score: 82, nullAggregation: 'zero' },
      errorMessages: { score: 80, nullAggregation: 'exclude' },
      authSimplicity: { score: 92, nullAggregation: 'zero' },
      rateLimits: { score: 80, nullAggregation: 'exclude' },
      toolUse: { score: null, nullAggregation: 'exclude' },
      structuredOutput: { score: null, nullAggregation: 'exclude' },
    });
    expect(result.score).toBe(62);
    expect(result.notes).toContain('counted as 0');
    expect(result.notes).toContain('mcpQuality');
  });

  it('Security 83 from 100/80/70/82/82', () => {
    const result = aggregateCategory(weights('security'), {
      tlsEnforcement: { score: 100 },
      authStrength: { score: 80 },
      scopeGranularity: { score: 70 },
      dependencyHygiene: { score: 82 },
      secretHandling: { score: 82 },
    });
    expect(result.score).toBe(83);
  });

  it('Reliability 82 from 82/83/80/82', () => {
    const result = aggregateCategory(weights('reliability'), {
      uptimeSla: { score: 82 },
      versionStability: { score: 83 },
      breakingChanges: { score: 80 },
      errorRecovery: { score: 82 },
      latency: { score: null, nullAggregation: 'exclude' },
    });
    expect(result.score).toBe(82);
  });

  it('fails when a weight changes (the calibration pins every weight, not only their sum)', () => {
    const shifted = { ...weights('reliability'), uptimeSla: 0.3, versionStability: 0.1 };
    const result = aggregateCategory(shifted, {
      uptimeSla: { score: 100 },
      versionStability: { score: 0 },
      breakingChanges: { score: 80 },
      errorRecovery: { score: 82 },
      latency: { score: null, nullAggregation: 'exclude' },
    });
    const calibrated = aggregateCategory(weights('reliability'), {
      uptimeSla: { score: 100 },
      versionStability: { score: 0 },
      breakingChanges: { score: 80 },
      errorRecovery: { score: 82 },
      latency: { score: null, nullAggregation: 'exclude' },
    });
    expect(calibrated.score).toBe(66);
    expect(result.score).not.toBe(calibrated.score);
  });
});

describe('aggregateCategory: coverage and the floor', () => {
  it("weighs each component's coverage share and nulls the category below the floor", () => {
    const components = {
      a: { score: 90, coverage: { judged: 30, total: 100, share: 0.3, samples: 4 } },
      b: { score: 50, coverage: { judged: 10, total: 100, share: 0.1, samples: 2 } },
    };
    const low = aggregateCategory({ a: 0.5, b: 0.5 }, components, 0.4);
    expect(low.score).toBeNull();
    expect(low.coverage).toEqual({ judged: 0.2, total: 1, share: 0.2, samples: 6 });
    expect(low.notes).toContain('insufficient evidence');
    expect(aggregateCategory({ a: 0.5, b: 0.5 }, components, 0.2).score).toBe(70);
  });

  it('a null zero component lowers the score and the coverage; an excluded one only the coverage', () => {
    const zero = aggregateCategory(
      { a: 0.5, b: 0.5 },
      { a: { score: 80 }, b: { score: null, nullAggregation: 'zero' } },
    );
    const excluded = aggregateCategory({ a: 0.5, b: 0.5 }, { a: { score: 80 }, b: { score: null } });
    expect(zero.score).toBe(40);
    expect(excluded.score).toBe(80);
    expect(zero.coverage.share).toBe(0.5);
    expect(excluded.coverage.share).toBe(0.5);
  });
});

describe('aggregateCategory: null handling', () => {
  const af = {
    mcpQuality: 0.25,
    documentation: 0.25,
    errorMessages: 0.2,
    authSimplicity: 0.15,
    rateLimits: 0.15,
  };
  const others = {
    documentation: { score: 82 },
    errorMessages: { score: 80 },
    authSimplicity: { score: 92 },
    rateLimits: { score: 80 },
  };

  it('exclude renormalises the remaining weights', () => {
    const result = aggregateCategory(af, {
      mcpQuality: { score: null, nullAggregation: 'exclude' },
      ...others,
    });
    // (82×.25 + 80×.2 + 92×.15 + 80×.15) / .75 = 83.07
    expect(result.score).toBe(83);
    expect(result.notes).toContain('left out');
  });

  it('zero keeps the weight and counts 0', () => {
    expect(
      aggregateCategory(af, { mcpQuality: { score: null, nullAggregation: 'zero' }, ...others }).score,
    ).toBe(62);
  });

  it('all null gives null, even with zero aggregation', () => {
    const result = aggregateCategory(af, {
      mcpQuality: { score: null, nullAggregation: 'zero' },
      documentation: { score: null },
    });
    expect(result).toMatchObject({ score: null, notes: 'no component could be judged' });
  });

  it('a component without a weight is noted, not silently dropped', () => {
    const result = aggregateCategory({ a: 1 }, { a: { score: 50 }, b: { score: 100 } });
    expect(result.score).toBe(50);
    expect(result.notes).toContain('no weight in the rubric (counted 0): b');
  });
});

describe('aggregateCategory: notes and coverage, word for word', () => {
  it('words every note, in order', () => {
    const result = aggregateCategory(
      { a: 0.5, b: 0.25, c: 0.25 },
      { a: { score: 80 }, b: { score: null, nullAggregation: 'zero' }, c: { score: null }, d: { score: 10 } },
    );
    expect(result).toEqual({
      // (0.5 × 80 + 0.25 × 0) / 0.75; d has no weight, c is left out.
      score: 53,
      notes:
        'no weight in the rubric (counted 0): d; not judged, counted as 0: b; not measured in this run, left out: c',
      coverage: { judged: 0.5, total: 1, share: 0.5, samples: 0 },
    });
    expect(aggregateCategory({ a: 1 }, { a: { score: 70 } }).notes).toBe('weighted mean of all components');
  });

  it('counts a component without coverage as fully judged when scored and not at all when null', () => {
    const result = aggregateCategory({ a: 0.75, b: 0.25 }, { a: { score: 80 }, b: { score: null } });
    expect(result.coverage).toEqual({ judged: 0.75, total: 1, share: 0.75, samples: 0 });
    // The share is of the weight present, not of 1.
    const half = aggregateCategory({ a: 0.25, b: 0.25 }, { a: { score: 80 }, b: { score: null } });
    expect(half.coverage).toEqual({ judged: 0.25, total: 0.5, share: 0.5, samples: 0 });
    // Only unweighted components: no weight at all, a share of 0 (not NaN).
    expect(aggregateCategory({}, { a: { score: 80 } }).coverage).toEqual({
      judged: 0,
      total: 0,
      share: 0,
      samples: 0,
    });
  });

  it('nulls a category whose judged components carry no weight', () => {
    expect(aggregateCategory({ a: 0, b: 1 }, { a: { score: 80 }, b: { score: null } })).toEqual({
      score: null,
      notes: 'judged components carry no weight; not measured in this run, left out: b',
      coverage: { judged: 0, total: 1, share: 0, samples: 0 },
    });
  });

  it('joins its notes after the verdict when nothing or too little could be judged', () => {
    expect(aggregateCategory({}, { a: { score: null }, b: { score: null } }).notes).toBe(
      'no component could be judged; no weight in the rubric (counted 0): a, b',
    );
    const thin = aggregateCategory(
      { a: 1 },
      { a: { score: 90, coverage: { judged: 1, total: 10, share: 0.1, samples: 1 } }, z: { score: 5 } },
      0.5,
    );
    expect(thin.notes).toBe(
      'insufficient evidence (coverage 10 % below 50 %); no weight in the rubric (counted 0): z',
    );
  });

  it('says by how much coverage misses the floor', () => {
    const result = aggregateCategory(
      { a: 1 },
      { a: { score: 90, coverage: { judged: 25, total: 100, share: 0.25, samples: 3 } } },
      0.4,
    );
    expect(result.notes).toBe('insufficient evidence (coverage 25 % below 40 %)');
  });
});

describe('aggregateCategory: properties', () => {
  it('component order never changes the rounded score (rounding is stable)', () => {
    const random = seededRandom(20261125);
    const ids = ['tlsEnforcement', 'authStrength', 'scopeGranularity', 'dependencyHygiene', 'secretHandling'];
    for (let run = 0; run < 200; run += 1) {
      const scores = ids.map(
        (id) => [id, { score: random() < 0.2 ? null : Math.round(random() * 100) }] as const,
      );
      const forward = aggregateCategory(weights('security'), Object.fromEntries(scores));
      const backward = aggregateCategory(weights('security'), Object.fromEntries([...scores].reverse()));
      expect(backward.score).toBe(forward.score);
      if (forward.score !== null) expect(Number.isInteger(forward.score)).toBe(true);
    }
  });

  it('floating-point noise does not flip a half-way value', () => {
    expect(aggregateCategory({ a: 0.5, b: 0.5 }, { a: { score: 62 }, b: { score: 63 } }).score).toBe(63);
    expect(roundScore(62.5 - 1e-12)).toBe(63);
    expect(roundScore(62.4999)).toBe(62);
    expect(roundScore(0.1 * 3 * 100 + 0.2)).toBe(30);
  });
});
