import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type { TlsObservations } from '../kinds/tls.ts';
import { emptyOutcome } from '../probe-kind.ts';
import {
  HSTS_MIN_MAX_AGE,
  hstsAssertion,
  httpRefusedAssertion,
  tlsCertValidAssertion,
  tlsMinVersionAssertion,
} from './tls-assertions.ts';

const CONTEXT = {} as AssertionContext;

function observed(overrides: Partial<TlsObservations> = {}) {
  const data: TlsObservations = {
    host: 'api.example.test',
    port: 443,
    tlsVersions: { 'TLSv1.2': true, 'TLSv1.3': true, TLSv1: false, 'TLSv1.1': false },
    certificate: { valid: true, daysLeft: 60, subjectAltNames: ['api.example.test'] },
    hsts: { present: true, maxAge: HSTS_MIN_MAX_AGE, value: `max-age=${HSTS_MIN_MAX_AGE}` },
    plainHttp: {
      url: 'http://api.example.test/',
      refused: true,
      status: null,
      redirectsToHttps: false,
      location: null,
    },
    ...overrides,
  };
  return { ...emptyOutcome(), observation: { kind: 'tls' as const, data } };
}

describe('tls assertions', () => {
  it('are not applicable without TLS observations', () => {
    for (const assertion of [
      tlsMinVersionAssertion,
      tlsCertValidAssertion,
      hstsAssertion,
      httpRefusedAssertion,
    ]) {
      expect(assertion.evaluate({}, emptyOutcome(), CONTEXT)).toEqual({
        passed: null,
        detail: 'no TLS observations',
      });
      expect(assertion.reads).toEqual(['tls']);
    }
  });

  it('fails any accepted legacy version and names them', () => {
    expect(tlsMinVersionAssertion.evaluate({}, observed(), CONTEXT)).toEqual({
      passed: true,
      detail: 'accepts only TLSv1.2, TLSv1.3',
    });
    const legacy = observed({ tlsVersions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true } });
    expect(tlsMinVersionAssertion.evaluate({}, legacy, CONTEXT)).toEqual({
      passed: false,
      detail: 'accepts TLSv1 and TLSv1.1 (accepted: TLSv1, TLSv1.1, TLSv1.2)',
    });
  });

  it('judges the certificate and says why it is invalid', () => {
    expect(tlsCertValidAssertion.evaluate({}, observed(), CONTEXT)).toEqual({
      passed: true,
      detail: 'certificate for api.example.test valid, 60 days left',
    });
    const expired = observed({
      certificate: { valid: false, daysLeft: -1, subjectAltNames: [], error: 'expired' },
    });
    expect(tlsCertValidAssertion.evaluate({}, expired, CONTEXT).detail).toBe(
      'certificate for api.example.test invalid: expired',
    );
    const unknown = observed({ certificate: { valid: false, daysLeft: null, subjectAltNames: [] } });
    expect(tlsCertValidAssertion.evaluate({}, unknown, CONTEXT)).toEqual({
      passed: false,
      detail: 'certificate for api.example.test invalid: unknown reason',
    });
  });

  it('needs HSTS with a max-age of at least six months', () => {
    expect(hstsAssertion.evaluate({}, observed(), CONTEXT)).toEqual({
      passed: true,
      detail: `HSTS max-age ${HSTS_MIN_MAX_AGE} s (>= 15552000)`,
    });
    const short = observed({ hsts: { present: true, maxAge: HSTS_MIN_MAX_AGE - 1, value: 'max-age=1' } });
    expect(hstsAssertion.evaluate({}, short, CONTEXT)).toEqual({
      passed: false,
      detail: `HSTS max-age ${HSTS_MIN_MAX_AGE - 1} s is under six months (15552000)`,
    });
    const noAge = observed({ hsts: { present: true, maxAge: null, value: 'includeSubDomains' } });
    expect(hstsAssertion.evaluate({}, noAge, CONTEXT).detail).toBe(
      'Strict-Transport-Security without max-age: "includeSubDomains"',
    );
    const absent = observed({ hsts: { present: false, maxAge: null, value: null } });
    expect(hstsAssertion.evaluate({}, absent, CONTEXT)).toEqual({
      passed: false,
      detail: 'no Strict-Transport-Security header',
    });
  });

  it('passes refused plain http, permanent redirects to https and 426 only', () => {
    const http = (plainHttp: Partial<TlsObservations['plainHttp']>) =>
      httpRefusedAssertion.evaluate(
        {},
        observed({
          plainHttp: {
            url: 'http://h/',
            refused: false,
            status: null,
            redirectsToHttps: false,
            location: null,
            ...plainHttp,
          },
        }),
        CONTEXT,
      );
    expect(http({ refused: true })).toEqual({ passed: true, detail: 'plain http refused (http://h/)' });
    for (const status of [301, 308]) {
      expect(http({ status, redirectsToHttps: true, location: 'https://h/' })).toEqual({
        passed: true,
        detail: `plain http answered ${status} to https://h/ before any API answer`,
      });
    }
    expect(http({ status: 426 })).toEqual({
      passed: true,
      detail: 'plain http answered 426 Upgrade Required',
    });
    expect(http({ status: 302, redirectsToHttps: true })).toEqual({
      passed: false,
      detail: 'plain http redirects with a temporary 302, not 301/308',
    });
    expect(http({ status: 301, redirectsToHttps: false })).toEqual({
      passed: false,
      detail: 'plain http served an answer (301) instead of refusing or redirecting',
    });
    expect(http({ status: null }).detail).toBe(
      'plain http served an answer (0) instead of refusing or redirecting',
    );
  });
});
