import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type { RegionalEndpointObservation } from '../kinds/regional-endpoints.ts';
import { emptyOutcome } from '../probe-kind.ts';
import { regionalEndpointAnswersAssertion } from './residency-assertions.ts';

const CONTEXT = {} as AssertionContext;
const endpoint = (
  region: string,
  status: number | null,
  failure: string | null = null,
): RegionalEndpointObservation => ({
  region,
  baseUrl: `https://${region}.api.test/v1`,
  host: `${region}.api.test`,
  status,
  declared: {},
  failure,
});
const outcome = (...endpoints: RegionalEndpointObservation[]) => ({
  ...emptyOutcome(),
  observation: { kind: 'regional-endpoints' as const, data: { endpoints } },
});
const judge = (
  params: Record<string, unknown>,
  observed: ReturnType<typeof outcome> | ReturnType<typeof emptyOutcome>,
) => regionalEndpointAnswersAssertion.evaluate(params, observed, CONTEXT);

describe('regional-endpoint-answers', () => {
  it('is not applicable without regional calls or without the wanted region', () => {
    expect(judge({}, emptyOutcome())).toEqual({ passed: null, detail: 'no regional endpoints were called' });
    expect(judge({}, outcome(endpoint('us', 200), endpoint('ap', null, 'timeout')))).toEqual({
      passed: null,
      detail: 'the target lists no eu endpoint (us us.api.test: 200; ap ap.api.test: timeout)',
    });
  });

  it('passes a 2xx from the wanted region (eu unless named) and fails anything else below 500', () => {
    expect(judge({}, outcome(endpoint('us', 500), endpoint('eu', 200)))).toEqual({
      passed: true,
      detail: 'the eu endpoint eu.api.test answers (us us.api.test: 500; eu eu.api.test: 200)',
    });
    expect(judge({ region: 'us' }, outcome(endpoint('us', 299))).passed).toBe(true);
    for (const status of [199, 300, 401, 499]) {
      expect(judge({}, outcome(endpoint('eu', status))), String(status)).toEqual({
        passed: false,
        detail: `the documented eu endpoint eu.api.test did not answer with the key (eu eu.api.test: ${status})`,
      });
    }
    expect(judge({}, outcome(endpoint('eu', null))).detail).toBe(
      'the documented eu endpoint eu.api.test did not answer with the key (eu eu.api.test: no answer)',
    );
  });

  it('leaves a 5xx to availability', () => {
    expect(judge({}, outcome(endpoint('eu', 500)))).toEqual({
      passed: null,
      detail: 'eu endpoint answered 500: availability judges it',
    });
  });
});
