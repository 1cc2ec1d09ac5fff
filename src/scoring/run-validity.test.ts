import { describe, expect, it } from 'vitest';
import type { PreflightDone } from '../spec/preflight-record.ts';
import type { ExchangeEvidence } from '../spec/probe-result.ts';
import type { CategoryScore } from '../spec/scorecard.ts';
import { judgeRunValidity, withoutScores } from './run-validity.ts';
import { makeResult } from './test-support.ts';

function answer(status: number | null, sentRealKey = true): ExchangeEvidence {
  return {
    method: 'GET',
    url: 'http://127.0.0.1/v1/models',
    status,
    headers: {},
    bodyExcerpt: '',
    bodyBytes: 0,
    ...(sentRealKey ? { sentRealKey: true } : {}),
  };
}

const preflight = (outcome: PreflightDone['outcome'], message: string | null = 'why'): PreflightDone => ({
  outcome,
  urlTried: 'http://127.0.0.1:1/v1',
  baseUrl: 'http://127.0.0.1:1/v1',
  fallbackAdopted: false,
  requests: [],
  message,
  durationMs: 1,
});

describe('judgeRunValidity', () => {
  it('is valid when probes reached the target with an accepted key', () => {
    const results = [
      makeResult({ evidence: [answer(200)] }),
      // A probe that sends a wrong key on purpose and is rejected: not the real key, not counted.
      makeResult({ probe: 'wrong-key', evidence: [answer(401, false), answer(401, false)] }),
      makeResult({ probe: 'down', status: 'errored', reason: 'timeout', evidence: [answer(null)] }),
    ];
    expect(judgeRunValidity(results, preflight('ok', null))).toEqual({ valid: true });
    expect(judgeRunValidity(results, { skipped: 'replay' })).toEqual({ valid: true });
  });

  it('carries a failed preflight through with its reason and sentence', () => {
    expect(judgeRunValidity([], preflight('key-rejected', 'the key in $K was rejected (401)'))).toEqual({
      valid: false,
      reason: 'key-rejected',
      message: 'the key in $K was rejected (401)',
    });
    expect(judgeRunValidity([], preflight('wrong-base-url')).reason).toBe('wrong-base-url');
    expect(judgeRunValidity([], preflight('model-unknown')).reason).toBe('model-unknown');
    expect(judgeRunValidity([], preflight('unreachable')).reason).toBe('unreachable');
  });

  it('is invalid when no probe was planned or every probe was skipped', () => {
    expect(judgeRunValidity([]).reason).toBe('no-probes');
    const skipped = [makeResult({ status: 'skipped', reason: 'not-applicable' })];
    expect(judgeRunValidity(skipped)).toMatchObject({ valid: false, reason: 'no-probes' });
    const budget = [makeResult({ status: 'skipped', reason: 'budget-exhausted' })];
    expect(judgeRunValidity(budget).message).toContain('budget');
  });

  it('is unreachable when no exchange got an answer', () => {
    const refused = makeResult({ status: 'errored', reason: 'connection-refused', evidence: [answer(null)] });
    expect(judgeRunValidity([refused, { ...refused, probe: 'b' }]).reason).toBe('unreachable');
  });

  it('is all-errored when every probe errored in the harness, not when the target answered badly', () => {
    const broken = makeResult({ status: 'errored', reason: 'internal-error', evidence: [] });
    const interrupted = makeResult({ probe: 'i', status: 'errored', reason: 'interrupted', evidence: [] });
    const skipped = makeResult({ probe: 's', status: 'skipped', reason: 'not-applicable' });
    expect(judgeRunValidity([broken, interrupted, skipped])).toMatchObject({
      valid: false,
      reason: 'all-errored',
    });
    // Garbled or cut-short answers are the target's doing: evidence of unavailability, a measurement.
    const garbled = makeResult({ status: 'errored', reason: 'invalid-sse', evidence: [answer(200)] });
    const cut = makeResult({
      probe: 'c',
      status: 'errored',
      reason: 'truncated-body',
      evidence: [answer(200)],
    });
    expect(judgeRunValidity([garbled, cut]).valid).toBe(true);
    expect(judgeRunValidity([broken, garbled]).valid).toBe(true);
  });

  it('is key-rejected when most requests carrying the real key got 401/403, not when some did', () => {
    const rejected = makeResult({ status: 'failed', evidence: [answer(401), answer(403)] });
    const accepted = makeResult({ evidence: [answer(200)] });
    expect(judgeRunValidity([rejected, accepted])).toMatchObject({ valid: false, reason: 'key-rejected' });
    expect(judgeRunValidity([rejected, accepted, accepted]).valid).toBe(true);
  });
});

describe('judgeRunValidity, sentence by sentence', () => {
  it('says why a run without probes measured nothing', () => {
    expect(judgeRunValidity([])).toEqual({
      valid: false,
      reason: 'no-probes',
      message: 'no probe was planned: the suite selection left nothing to run',
    });
    const skipped = makeResult({ status: 'skipped', reason: 'not-applicable' });
    expect(judgeRunValidity([skipped, { ...skipped, probe: 'b' }]).message).toBe(
      'all 2 probes were skipped: nothing was measured',
    );
    // One budget skip among others is enough to name the budget.
    const budget = { ...skipped, probe: 'c', reason: 'budget-exhausted' as const };
    expect(judgeRunValidity([skipped, budget]).message).toBe(
      'the request budget was spent before any probe ran',
    );
    expect(judgeRunValidity([budget])).toEqual({
      valid: false,
      reason: 'no-probes',
      message: 'the request budget was spent before any probe ran',
    });
  });

  it('words a preflight without a message after its outcome', () => {
    expect(judgeRunValidity([], preflight('unreachable', null)).message).toBe('preflight: unreachable');
  });

  it('is unreachable only when nothing answered and a probe met a transport failure', () => {
    const refused = makeResult({ status: 'errored', reason: 'connection-refused', evidence: [answer(null)] });
    expect(judgeRunValidity([refused]).message).toBe(
      'no probe reached the target: is it up and the base URL right?',
    );
    const answered = makeResult({ probe: 'ok', evidence: [answer(null, false), answer(200, false)] });
    expect(judgeRunValidity([refused, answered])).toEqual({ valid: true });
    // Nothing answered, but no transport failure either (a harness error): not "unreachable".
    const broken = makeResult({ status: 'errored', reason: 'internal-error', evidence: [answer(null)] });
    expect(judgeRunValidity([broken]).reason).toBe('all-errored');
    // One transport failure among harness errors is enough when nothing answered.
    expect(judgeRunValidity([refused, { ...broken, probe: 'x' }]).reason).toBe('unreachable');
    const noReason = makeResult({ status: 'errored', reason: null, evidence: [answer(null)] });
    expect(judgeRunValidity([noReason]).reason).toBe('all-errored');
  });

  it('counts only answered requests that carried the real key, and says how many were rejected', () => {
    const rejected = makeResult({ status: 'failed', evidence: [answer(401), answer(403), answer(null)] });
    expect(judgeRunValidity([rejected, makeResult({ evidence: [answer(200)] })]).message).toBe(
      'the key was rejected: 2 of 3 requests that carried it got 401/403',
    );
  });

  it('says how many probes errored', () => {
    const broken = makeResult({ status: 'errored', reason: 'internal-error', evidence: [] });
    expect(judgeRunValidity([broken, { ...broken, probe: 'b' }]).message).toBe(
      'every one of the 2 probes that ran errored: nothing was measured',
    );
  });
});

describe('withoutScores', () => {
  it('nulls every category and component score and keeps the rest', () => {
    const category: CategoryScore = {
      score: 80,
      notes: 'n',
      components: {
        a: { score: 90, source: 'measured', evidence: ['x'], notes: 'kept' },
        b: null,
      },
    };
    const emptied = withoutScores({
      agentFriendliness: category,
      security: category,
      reliability: category,
      dataProtection: category,
    });
    expect(emptied.security).toEqual({
      score: null,
      notes: 'n',
      components: { a: { score: null, source: 'measured', evidence: ['x'], notes: 'kept' }, b: null },
    });
    expect(category.score).toBe(80);
  });
});
