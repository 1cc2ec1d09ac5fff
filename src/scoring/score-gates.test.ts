import { describe, expect, it } from 'vitest';
import { fullScorecard } from '../report/__fixtures__/scorecards.ts';
import { evaluateGates, GateSyntaxError, parseGates } from './score-gates.ts';

describe('parseGates', () => {
  it('reads categories and components', () => {
    expect(parseGates('security=80, agentFriendliness.documentation=60')).toEqual([
      { path: 'security', minimum: 80 },
      { path: 'agentFriendliness.documentation', minimum: 60 },
    ]);
  });

  it('names the bad part', () => {
    expect(() => parseGates('securty=80')).toThrow(GateSyntaxError);
    expect(() => parseGates('securty=80')).toThrow(/unknown score "securty"/);
    expect(() => parseGates('security>80')).toThrow(/NAME=SCORE/);
    expect(() => parseGates('security=120')).toThrow(/0-100/);
  });
});

describe('evaluateGates', () => {
  const scorecard = fullScorecard();
  const security = scorecard.scores.security.score ?? 0;

  it('passes a gate at the score and fails one above it', () => {
    expect(evaluateGates(scorecard, [{ path: 'security', minimum: security }])).toEqual([]);
    const failed = evaluateGates(scorecard, [{ path: 'security', minimum: security + 1 }]);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.message).toBe(`security ${security} < ${security + 1}`);
  });

  it('fails a gate on a score that could not be judged', () => {
    const nulled = {
      ...scorecard,
      scores: { ...scorecard.scores, security: { ...scorecard.scores.security, score: null } },
    };
    expect(evaluateGates(nulled, [{ path: 'security', minimum: 0 }])[0]?.actual).toBeNull();
  });
});
