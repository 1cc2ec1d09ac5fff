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

  it('accepts spaces, empty parts, decimals and 100, and nothing around the pair', () => {
    expect(parseGates(' security = 80.55 ,, reliability=100 ,')).toEqual([
      { path: 'security', minimum: 80.55 },
      { path: 'reliability', minimum: 100 },
    ]);
    expect(parseGates('')).toEqual([]);
    for (const bad of ['x security=80', 'security=80 x', 'security=80.', 'security=8.x', 'security = 1000']) {
      expect(() => parseGates(bad), bad).toThrow(GateSyntaxError);
    }
    expect(() => parseGates('security=80 x')).toThrow(
      'gate "security=80 x" is not NAME=SCORE (e.g. security=80)',
    );
    expect(() => parseGates('security.nope=1')).toThrow(
      'gate "security.nope=1": unknown score "security.nope" (categories: agentFriendliness, security, reliability, dataProtection; components as category.component)',
    );
    expect(() => parseGates('security=101')).toThrow('gate "security=101": a score is 0-100');
  });

  it('raises errors that say what they are', () => {
    const error = (() => {
      try {
        parseGates('nope');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(GateSyntaxError);
    expect((error as GateSyntaxError).code).toBe('gate-syntax');
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
    expect(evaluateGates(nulled, [{ path: 'security', minimum: 0 }])[0]).toEqual({
      gate: { path: 'security', minimum: 0 },
      actual: null,
      message: 'security could not be judged (--), below the gate 0',
    });
  });

  it('reads a component score, and a missing component or category as not judged', () => {
    const tls = scorecard.scores.security.components.tlsEnforcement?.score ?? 0;
    expect(evaluateGates(scorecard, [{ path: 'security.tlsEnforcement', minimum: tls }])).toEqual([]);
    expect(evaluateGates(scorecard, [{ path: 'security.tlsEnforcement', minimum: tls + 1 }])[0]?.actual).toBe(
      tls,
    );
    const missing = structuredClone(scorecard);
    delete missing.scores.security.components.tlsEnforcement;
    delete (missing.scores as Partial<typeof missing.scores>).reliability;
    expect(
      evaluateGates(missing, [
        { path: 'security.tlsEnforcement', minimum: 0 },
        { path: 'reliability', minimum: 0 },
        { path: 'reliability.latency', minimum: 0 },
      ]).map((failure) => failure.actual),
    ).toEqual([null, null, null]);
  });
});
