import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type { BurstObservations } from '../kinds/burst.ts';
import { emptyOutcome } from '../probe-kind.ts';
import {
  rateLimit429StatusAssertion,
  rateLimitHeadersPresentAssertion,
  rateLimitJsonBodyAssertion,
  rateLimitRemainingHonestAssertion,
  rateLimitRetryAfterAssertion,
  retryAfterRecoversAssertion,
} from './rate-limit-assertions.ts';

const CONTEXT = {} as AssertionContext;
const first429 = { status: 429, retryAfter: '2', envelope: 'openai', jsonBody: true };
function burst(overrides: Partial<BurstObservations> = {}): BurstObservations {
  return {
    headersSeen: [],
    requestsBefore429: 7,
    first429,
    remainingHonest: true,
    recovered: true,
    recoveryStatus: 200,
    waitedMs: 2000,
    waitSource: 'retry-after',
    sent: 10,
    serverErrors: 0,
    connectionErrors: 0,
    stoppedBy: 'throttled',
    ...overrides,
  };
}
const outcome = (data: BurstObservations) => ({
  ...emptyOutcome(),
  observation: { kind: 'burst' as const, data },
});
const NO_429_DETAIL = 'no 429 within the bounds (40 requests, stopped by max-requests)';
const none = () => burst({ first429: null, requestsBefore429: null, sent: 40, stoppedBy: 'max-requests' });

describe('rate-limit assertions', () => {
  it('are not applicable without a burst observation', () => {
    for (const assertion of [
      rateLimitHeadersPresentAssertion,
      rateLimit429StatusAssertion,
      rateLimitRetryAfterAssertion,
      rateLimitJsonBodyAssertion,
      rateLimitRemainingHonestAssertion,
      retryAfterRecoversAssertion,
    ]) {
      expect(assertion.reads).toEqual(['burst']);
      expect(assertion.evaluate({}, emptyOutcome(), CONTEXT), assertion.name).toEqual({
        passed: null,
        detail: 'no burst observations',
      });
      const other = { ...emptyOutcome(), observation: { kind: 'erasure', data: {} } } as never;
      expect(assertion.evaluate({}, other, CONTEXT).passed).toBeNull();
    }
  });

  it('ratelimit-headers-present counts every rate-limit header but retry-after', () => {
    const judge = (headersSeen: string[]) =>
      rateLimitHeadersPresentAssertion.evaluate({}, outcome(burst({ headersSeen })), CONTEXT);
    expect(judge(['x-ratelimit-limit', 'retry-after', 'x-ratelimit-remaining'])).toEqual({
      passed: true,
      detail: 'rate-limit headers: x-ratelimit-limit, x-ratelimit-remaining',
    });
    expect(judge(['retry-after'])).toEqual({ passed: false, detail: 'no rate-limit headers on any answer' });
    expect(judge([])).toEqual({ passed: false, detail: 'no rate-limit headers on any answer' });
  });

  it('ratelimit-429-status fails on server errors or dropped connections, with or without 429s', () => {
    const judge = (data: BurstObservations) =>
      rateLimit429StatusAssertion.evaluate({}, outcome(data), CONTEXT);
    expect(judge(burst())).toEqual({ passed: true, detail: 'throttled with 429 after 7 answers' });
    expect(judge(burst({ serverErrors: 2 }))).toEqual({
      passed: false,
      detail: 'under load: 2 server errors and 0 dropped connections besides 429s',
    });
    expect(judge(burst({ connectionErrors: 1, first429: null }))).toEqual({
      passed: false,
      detail: 'under load: 0 server errors and 1 dropped connections, no 429',
    });
    expect(judge(none())).toEqual({ passed: null, detail: NO_429_DETAIL });
  });

  it('ratelimit-retry-after wants the header on the first 429', () => {
    const judge = (data: BurstObservations) =>
      rateLimitRetryAfterAssertion.evaluate({}, outcome(data), CONTEXT);
    expect(judge(burst())).toEqual({ passed: true, detail: 'Retry-After: 2' });
    expect(judge(burst({ first429: { ...first429, retryAfter: '' } }))).toEqual({
      passed: true,
      detail: 'Retry-After: ',
    });
    expect(judge(burst({ first429: { ...first429, retryAfter: null } }))).toEqual({
      passed: false,
      detail: '429 without Retry-After',
    });
    expect(judge(none())).toEqual({ passed: null, detail: NO_429_DETAIL });
  });

  it('ratelimit-json-body names the envelope either way', () => {
    const judge = (data: BurstObservations) =>
      rateLimitJsonBodyAssertion.evaluate({}, outcome(data), CONTEXT);
    expect(judge(burst())).toEqual({ passed: true, detail: '429 body is JSON (openai envelope)' });
    expect(judge(burst({ first429: { ...first429, jsonBody: false, envelope: 'unstructured' } }))).toEqual({
      passed: false,
      detail: '429 body is not JSON (unstructured)',
    });
    expect(judge(none())).toEqual({ passed: null, detail: NO_429_DETAIL });
  });

  it('ratelimit-remaining-honest needs a 429 and a counter', () => {
    const judge = (data: BurstObservations) =>
      rateLimitRemainingHonestAssertion.evaluate({}, outcome(data), CONTEXT);
    expect(judge(burst())).toEqual({
      passed: true,
      detail: 'remaining counter reached ~0 as throttling began',
    });
    expect(judge(burst({ remainingHonest: false }))).toEqual({
      passed: false,
      detail:
        'remaining counter did not match throttling (not near 0 at the first 429, or rose unexpectedly)',
    });
    expect(judge(burst({ remainingHonest: null }))).toEqual({
      passed: null,
      detail: 'no remaining-requests counter to compare',
    });
    expect(judge({ ...none(), remainingHonest: false })).toEqual({ passed: null, detail: NO_429_DETAIL });
  });

  it('retry-after-recovers says how long it waited and on whose advice', () => {
    const judge = (data: BurstObservations) =>
      retryAfterRecoversAssertion.evaluate({}, outcome(data), CONTEXT);
    expect(judge(burst())).toEqual({
      passed: true,
      detail: 'recovered after 2000 ms (as told by retry-after)',
    });
    expect(judge(burst({ waitSource: 'none', waitedMs: 5000 }))).toEqual({
      passed: true,
      detail: 'recovered after 5000 ms (no advice, waited the cap)',
    });
    expect(judge(burst({ recovered: false, recoveryStatus: 429, waitSource: 'reset' }))).toEqual({
      passed: false,
      detail: 'still 429 after waiting 2000 ms (as told by reset)',
    });
    expect(judge(burst({ recovered: false, recoveryStatus: null }))).toEqual({
      passed: false,
      detail: 'still no answer after waiting 2000 ms (as told by retry-after)',
    });
    expect(judge(burst({ recovered: null }))).toEqual({
      passed: null,
      detail: 'no recovery request was sent',
    });
    expect(judge({ ...none(), recovered: false })).toEqual({ passed: null, detail: NO_429_DETAIL });
  });
});
