import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Rubric } from '../spec/rubric.ts';
import { aggregateCategory } from './aggregate-category.ts';
import { roundScore } from './round-score.ts';
import { seededRandom } from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;
const weights = (category: keyof Rubric['categories']) => rubric.categories[category].weights;

describe('aggregateCategory: calibration against the seed page (must hold exactly)', () => {
  it('Agent Friendliness 62 from MCP --(zero)/82/80/92/80', () => {
    const result = aggregateCategory(weights('agentFriendliness'), {
      mcpQuality: { score: null, nullAggregation: 'zero' },
      documentation: { score: 82, nullAggregation: 'exclude' },
      errorMessages: { score: 80, nullAggregation: 'exclude' },
      authSimplicity: { score: 92, nullAggregation: 'exclude' },
      rateLimits: { score: 80, nullAggregation: 'exclude' },
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
    });
    expect(result.score).toBe(82);
  });
});

describe('aggregateCategory: null handling', () => {
  const af = weights('agentFriendliness');
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
    expect(result.notes).toContain('renormalised');
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
    expect(result).toEqual({ score: null, notes: 'no component could be judged' });
  });

  it('a component without a weight is noted, not silently dropped', () => {
    const result = aggregateCategory({ a: 1 }, { a: { score: 50 }, b: { score: 100 } });
    expect(result.score).toBe(50);
    expect(result.notes).toContain('no weight in the rubric (counted 0): b');
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
