import { describe, expect, it } from 'vitest';
import { makeResult } from '../scoring/test-support.ts';
import type { ExchangeEvidence } from '../spec/probe-result.ts';
import { reachability } from './reachability.ts';

const answered: ExchangeEvidence = {
  method: 'GET',
  url: 'http://127.0.0.1/v1/models',
  status: 503,
  headers: {},
  bodyExcerpt: '',
  bodyBytes: 0,
};

describe('reachability', () => {
  it('reached when any probe passed or failed, or errored after an HTTP answer', () => {
    expect(reachability([makeResult({ status: 'errored', reason: 'timeout' }), makeResult()])).toEqual({
      reachedTarget: true,
      budgetExhausted: false,
    });
    const erroredWithAnswer = makeResult({
      status: 'errored',
      reason: 'invalid-json',
      evidence: [answered],
    });
    expect(reachability([erroredWithAnswer]).reachedTarget).toBe(true);
  });

  it('not reached when every attempted probe errored without an answer', () => {
    const results = [
      makeResult({ status: 'errored', reason: 'connection-refused' }),
      makeResult({ status: 'skipped', reason: 'not-applicable' }),
    ];
    expect(reachability(results).reachedTarget).toBe(false);
  });

  it('not reached when the budget ran out before any probe was attempted', () => {
    expect(reachability([makeResult({ status: 'skipped', reason: 'budget-exhausted' })])).toEqual({
      reachedTarget: false,
      budgetExhausted: true,
    });
    expect(
      reachability([makeResult(), makeResult({ status: 'skipped', reason: 'budget-exhausted' })]),
    ).toEqual({
      reachedTarget: true,
      budgetExhausted: true,
    });
  });
});
