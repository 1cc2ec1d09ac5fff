/** @module Assertions on the `tls` kind: protocol floor, certificate, HSTS, plain http refused. */
import type { AssertionName } from '../../spec/suite.ts';
import { type Assertion, fail, notApplicable, pass } from '../assertion.ts';
import type { TlsObservations } from '../kinds/tls.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';

/** Six months, the HSTS preload floor and the one our criteria use. */
export const HSTS_MIN_MAX_AGE = 15_552_000;

const LEGACY_VERSIONS = ['TLSv1', 'TLSv1.1'];

function tlsAssertion<Name extends AssertionName>(
  name: Name,
  judge: (observations: TlsObservations) => ReturnType<Assertion['evaluate']>,
): Assertion<Name> {
  return {
    name,
    reads: ['tls'],
    evaluate: (_params, outcome: ProbeOutcome) => {
      const observations = observationOf(outcome, 'tls');
      return observations ? judge(observations) : notApplicable('no TLS observations');
    },
  };
}

export const tlsMinVersionAssertion = tlsAssertion('tls-min-version', ({ tlsVersions }) => {
  const accepted = Object.keys(tlsVersions).filter((version) => tlsVersions[version]);
  const legacy = accepted.filter((version) => LEGACY_VERSIONS.includes(version));
  return legacy.length > 0
    ? fail(`accepts ${legacy.join(' and ')} (accepted: ${accepted.join(', ')})`)
    : pass(`accepts only ${accepted.join(', ')}`);
});

export const tlsCertValidAssertion = tlsAssertion('tls-cert-valid', ({ certificate, host }) =>
  certificate.valid
    ? pass(`certificate for ${host} valid, ${certificate.daysLeft} days left`)
    : fail(`certificate for ${host} invalid: ${certificate.error ?? 'unknown reason'}`),
);

export const hstsAssertion = tlsAssertion('hsts', ({ hsts }) => {
  if (!hsts.present) return fail('no Strict-Transport-Security header');
  if (hsts.maxAge === null) return fail(`Strict-Transport-Security without max-age: "${hsts.value}"`);
  return hsts.maxAge >= HSTS_MIN_MAX_AGE
    ? pass(`HSTS max-age ${hsts.maxAge} s (>= ${HSTS_MIN_MAX_AGE})`)
    : fail(`HSTS max-age ${hsts.maxAge} s is under six months (${HSTS_MIN_MAX_AGE})`);
});

export const httpRefusedAssertion = tlsAssertion('http-refused', ({ plainHttp }) => {
  if (plainHttp.refused) return pass(`plain http refused (${plainHttp.url})`);
  const status = plainHttp.status ?? 0;
  if ((status === 301 || status === 308) && plainHttp.redirectsToHttps) {
    return pass(`plain http answered ${status} to ${plainHttp.location} before any API answer`);
  }
  if (status === 426) return pass('plain http answered 426 Upgrade Required');
  if (plainHttp.redirectsToHttps) return fail(`plain http redirects with a temporary ${status}, not 301/308`);
  return fail(`plain http served an answer (${status}) instead of refusing or redirecting`);
});
