/** @module Assertions on the `burst` kind: headers, how throttling is answered, and whether waiting as told recovers. */
import type { AssertionName } from '../../spec/suite.ts';
import { type Assertion, type AssertionVerdict, fail, notApplicable, pass } from '../assertion.ts';
import type { BurstObservations } from '../kinds/burst.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';

function burstAssertion<Name extends AssertionName>(
  name: Name,
  judge: (observations: BurstObservations) => AssertionVerdict,
): Assertion<Name> {
  return {
    name,
    reads: ['burst'],
    evaluate: (_params, outcome: ProbeOutcome) => {
      const observations = observationOf(outcome, 'burst');
      return observations ? judge(observations) : notApplicable('no burst observations');
    },
  };
}

const NO_429 = (observations: BurstObservations) =>
  notApplicable(
    `no 429 within the bounds (${observations.sent} requests, stopped by ${observations.stoppedBy})`,
  );

export const rateLimitHeadersPresentAssertion = burstAssertion(
  'ratelimit-headers-present',
  ({ headersSeen }) => {
    const counters = headersSeen.filter((name) => name !== 'retry-after');
    return counters.length > 0
      ? pass(`rate-limit headers: ${counters.join(', ')}`)
      : fail('no rate-limit headers on any answer');
  },
);

export const rateLimit429StatusAssertion = burstAssertion('ratelimit-429-status', (observations) => {
  const { first429, serverErrors, connectionErrors, requestsBefore429 } = observations;
  const broken = serverErrors + connectionErrors;
  if (broken > 0) {
    return fail(
      `under load: ${serverErrors} server errors and ${connectionErrors} dropped connections${first429 ? ' besides 429s' : ', no 429'}`,
    );
  }
  if (!first429) return NO_429(observations);
  return pass(`throttled with 429 after ${requestsBefore429} answers`);
});

export const rateLimitRetryAfterAssertion = burstAssertion('ratelimit-retry-after', (observations) => {
  const { first429 } = observations;
  if (!first429) return NO_429(observations);
  return first429.retryAfter !== null
    ? pass(`Retry-After: ${first429.retryAfter}`)
    : fail('429 without Retry-After');
});

export const rateLimitJsonBodyAssertion = burstAssertion('ratelimit-json-body', (observations) => {
  const { first429 } = observations;
  if (!first429) return NO_429(observations);
  return first429.jsonBody
    ? pass(`429 body is JSON (${first429.envelope} envelope)`)
    : fail(`429 body is not JSON (${first429.envelope})`);
});

export const rateLimitRemainingHonestAssertion = burstAssertion(
  'ratelimit-remaining-honest',
  (observations) => {
    if (!observations.first429) return NO_429(observations);
    if (observations.remainingHonest === null)
      return notApplicable('no remaining-requests counter to compare');
    return observations.remainingHonest
      ? pass('remaining counter reached ~0 as throttling began')
      : fail(
          'remaining counter did not match throttling (not near 0 at the first 429, or rose unexpectedly)',
        );
  },
);

export const retryAfterRecoversAssertion = burstAssertion('retry-after-recovers', (observations) => {
  const { recovered, waitedMs, waitSource, recoveryStatus } = observations;
  if (!observations.first429) return NO_429(observations);
  if (recovered === null) return notApplicable('no recovery request was sent');
  const how = waitSource === 'none' ? 'no advice, waited the cap' : `as told by ${waitSource}`;
  return recovered
    ? pass(`recovered after ${waitedMs} ms (${how})`)
    : fail(`still ${recoveryStatus ?? 'no answer'} after waiting ${waitedMs} ms (${how})`);
});
