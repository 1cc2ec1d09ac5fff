import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { AssertionContext } from '../assertion.ts';
import { emptyOutcome } from '../probe-kind.ts';
import { availabilityAssertion } from './availability-assertion.ts';

const CONTEXT = {} as AssertionContext;
const outcome = (...exchanges: Partial<ProviderExchange>[]) => ({
  ...emptyOutcome(),
  exchanges: exchanges as ProviderExchange[],
});

describe('availability', () => {
  it('is not applicable without a request', () => {
    expect(availabilityAssertion.evaluate({}, outcome(), CONTEXT)).toEqual({
      passed: null,
      detail: 'no request sent',
    });
  });

  it('passes any answer below 500, 499 included', () => {
    expect(availabilityAssertion.evaluate({}, outcome({ status: 200 }, { status: 499 }), CONTEXT)).toEqual({
      passed: true,
      detail: 'answered without a server error',
    });
  });

  it('fails the first server error or missing answer, and says which', () => {
    expect(availabilityAssertion.evaluate({}, outcome({ status: 200 }, { status: 500 }), CONTEXT)).toEqual({
      passed: false,
      detail: 'server error 500',
    });
    const timeout = {
      status: null,
      failure: { reason: 'timeout', message: 'x' },
    } as Partial<ProviderExchange>;
    expect(availabilityAssertion.evaluate({}, outcome(timeout, { status: 503 }), CONTEXT)).toEqual({
      passed: false,
      detail: 'no answer: timeout',
    });
    expect(availabilityAssertion.evaluate({}, outcome({ status: null }), CONTEXT).detail).toBe(
      'no answer: unknown',
    );
  });
});
