import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type { SdkCallObservations, SdkDependencyObservations } from '../kinds/sdk.ts';
import { emptyOutcome } from '../probe-kind.ts';
import type { PublishedSdkReport } from '../published-sdk-report.ts';
import {
  sdkCallOkAssertion,
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkLicencesKnownAssertion,
  sdkNotDeprecatedAssertion,
  sdkTimeoutTypedAssertion,
  sdkTypedErrorAssertion,
} from './sdk-assertions.ts';

const CONTEXT = {} as AssertionContext;
function call(overrides: Partial<SdkCallObservations> = {}): SdkCallObservations {
  return {
    scenario: 'wrong-key',
    ok: false,
    errorClass: 'UnauthorizedError',
    statusCode: 401,
    message: 'bad key',
    hasTypedFields: true,
    durationMs: 12.4,
    ...overrides,
  };
}
function report(overrides: Partial<PublishedSdkReport> = {}): PublishedSdkReport {
  return {
    packageName: '@mistralai/mistralai',
    version: '1.2.3',
    registry: 'https://registry.npmjs.org',
    directDependencies: { zod: '^3' },
    transitiveCount: 3,
    installScripts: [],
    licences: { MIT: 2, 'Apache-2.0': 1 },
    unknownLicences: [],
    deprecated: null,
    publishedAt: '2026-01-02T03:04:05.000Z',
    unresolved: [],
    truncated: false,
    ...overrides,
  };
}
const observed = (data: SdkCallObservations | SdkDependencyObservations) => ({
  ...emptyOutcome(),
  observation: { kind: 'sdk' as const, data },
});
const deps = (r: PublishedSdkReport | null, unreachable: string | null = null) =>
  observed({ scenario: 'dependencies', report: r, unreachable });

const CALLS = [sdkCallOkAssertion, sdkTypedErrorAssertion, sdkTimeoutTypedAssertion];
const DEPENDENCIES = [
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkNotDeprecatedAssertion,
  sdkLicencesKnownAssertion,
];

describe('sdk call assertions', () => {
  it('are not applicable without a call observation (none, or a dependency report)', () => {
    for (const assertion of CALLS) {
      expect(assertion.reads).toEqual(['sdk']);
      expect(assertion.evaluate({}, emptyOutcome(), CONTEXT)).toEqual({
        passed: null,
        detail: 'no SDK call observed',
      });
      expect(assertion.evaluate({}, deps(report()), CONTEXT)).toEqual({
        passed: null,
        detail: 'no SDK call observed',
      });
    }
    expect(sdkTypedErrorAssertion.parameters).toBeDefined();
    expect(sdkCallOkAssertion.parameters).toBeUndefined();
    expect('parameters' in sdkCallOkAssertion).toBe(false);
  });

  it('sdk-call-ok passes a success, fails a 4xx and leaves a 5xx to availability', () => {
    const judge = (data: SdkCallObservations) => sdkCallOkAssertion.evaluate({}, observed(data), CONTEXT);
    expect(judge(call({ scenario: 'auth-works', ok: true }))).toEqual({
      passed: true,
      detail: 'SDK call succeeded in 12 ms',
    });
    expect(judge(call())).toEqual({
      passed: false,
      detail: 'SDK call failed: UnauthorizedError 401 bad key',
    });
    expect(judge(call({ statusCode: null, message: null, errorClass: 'Error' }))).toEqual({
      passed: false,
      detail: 'SDK call failed: Error',
    });
    // No status (a connection error): one space between the class and the message.
    expect(judge(call({ statusCode: null, errorClass: 'ConnectionError', message: 'refused' }))).toEqual({
      passed: false,
      detail: 'SDK call failed: ConnectionError refused',
    });
    expect(judge(call({ statusCode: 499 })).passed).toBe(false);
    expect(judge(call({ statusCode: 500 }))).toEqual({
      passed: null,
      detail: 'not judged: the API answered 500 (availability judges it)',
    });
  });

  it('sdk-typed-error wants a named class, a 4xx (or the expected status) and typed fields', () => {
    const judge = (data: SdkCallObservations, params: Record<string, unknown> = {}) =>
      sdkTypedErrorAssertion.evaluate(params, observed(data), CONTEXT);
    expect(judge(call())).toEqual({
      passed: true,
      detail: 'UnauthorizedError with status 401 and typed fields',
    });
    expect(judge(call({ ok: true }))).toEqual({
      passed: false,
      detail: 'the SDK call succeeded where an error was expected',
    });
    expect(judge(call({ errorClass: 'TypeError', statusCode: 400 }))).toEqual({
      passed: false,
      detail: 'TypeError: generic error class TypeError',
    });
    expect(judge(call({ errorClass: 'object' })).passed).toBe(false);
    expect(judge(call({ errorClass: null, statusCode: null, hasTypedFields: false }))).toEqual({
      passed: false,
      detail:
        'error: generic error class null; status missing, expected a 4xx; no typed statusCode/body/headers fields',
    });
    expect(judge(call({ statusCode: 399 })).detail).toBe('UnauthorizedError: status 399, expected a 4xx');
    expect(judge(call({ statusCode: 400 })).passed).toBe(true);
    expect(judge(call({ statusCode: 499 })).passed).toBe(true);
    expect(judge(call({ statusCode: 500 }))).toEqual({
      passed: null,
      detail: 'not judged: the API answered 500 (availability judges it)',
    });
  });

  it('sdk-typed-error checks the expected status, one or several, and judges an expected 5xx', () => {
    const judge = (data: SdkCallObservations, params: Record<string, unknown>) =>
      sdkTypedErrorAssertion.evaluate(params, observed(data), CONTEXT);
    expect(judge(call({ statusCode: 422 }), { expectStatus: 422 }).passed).toBe(true);
    expect(judge(call({ statusCode: 400 }), { expectStatus: 422 })).toEqual({
      passed: false,
      detail: 'UnauthorizedError: status 400, expected 422',
    });
    expect(judge(call({ statusCode: null }), { expectStatus: [400, 422] })).toEqual({
      passed: false,
      detail: 'UnauthorizedError: status missing, expected 400 or 422',
    });
    expect(judge(call({ statusCode: 422 }), { expectStatus: [400, 422] }).passed).toBe(true);
    // A 5xx the suite asked for is judged, not handed to availability; one it did not is.
    expect(judge(call({ statusCode: 503 }), { expectStatus: [503] })).toEqual({
      passed: true,
      detail: 'UnauthorizedError with status 503 and typed fields',
    });
    expect(judge(call({ statusCode: 500 }), { expectStatus: 500 }).passed).toBe(true);
    expect(judge(call({ statusCode: 503 }), { expectStatus: [422, 503] }).passed).toBe(true);
    expect(judge(call({ statusCode: 503 }), { expectStatus: [400] }).passed).toBeNull();
    expect(judge(call({ statusCode: 503 }), { expectStatus: [499] }).passed).toBeNull();
    // An expectation of another type is ignored: any 4xx.
    expect(judge(call({ statusCode: 404 }), { expectStatus: '422' }).passed).toBe(true);
  });

  it('sdk-timeout-typed wants an error class naming the timeout', () => {
    const judge = (data: SdkCallObservations) =>
      sdkTimeoutTypedAssertion.evaluate({}, observed(data), CONTEXT);
    const timeout = { scenario: 'timeout' as const, durationMs: 50 };
    expect(judge(call({ ...timeout, ok: true }))).toEqual({
      passed: null,
      detail: 'answered within the timeout (50 ms)',
    });
    expect(judge(call({ ...timeout, errorClass: 'RequestTimeoutError' }))).toEqual({
      passed: true,
      detail: 'RequestTimeoutError after 50 ms',
    });
    expect(judge(call({ ...timeout, errorClass: 'TIMEOUT' })).passed).toBe(true);
    expect(judge(call({ ...timeout, errorClass: 'AbortError', message: 'aborted' }))).toEqual({
      passed: false,
      detail: 'a timeout surfaced as AbortError: aborted',
    });
    expect(judge(call({ ...timeout, errorClass: null, message: null }))).toEqual({
      passed: false,
      detail: 'a timeout surfaced as an untyped error:',
    });
  });
});

describe('sdk dependency assertions', () => {
  it('are not applicable without a dependency report, naming why the registry could not tell', () => {
    for (const assertion of DEPENDENCIES) {
      expect(assertion.reads).toEqual(['sdk']);
      expect(assertion.evaluate({}, emptyOutcome(), CONTEXT)).toEqual({
        passed: null,
        detail: 'no SDK dependency report',
      });
      expect(assertion.evaluate({}, observed(call()), CONTEXT).detail).toBe('no SDK dependency report');
      expect(assertion.evaluate({}, deps(null, 'registry unreachable: ENOTFOUND'), CONTEXT)).toEqual({
        passed: null,
        detail: 'registry unreachable: ENOTFOUND',
      });
      expect(assertion.evaluate({}, deps(null), CONTEXT)).toEqual({
        passed: null,
        detail: 'registry unreachable',
      });
    }
    expect(sdkDependencyCountAssertion.parameters).toBeDefined();
    expect('parameters' in sdkInstallScriptsAssertion).toBe(false);
  });

  it('sdk-dependency-count passes at the maximum (25 unless set) and fails above it or when cut short', () => {
    const judge = (r: PublishedSdkReport, params: Record<string, unknown> = {}) =>
      sdkDependencyCountAssertion.evaluate(params, deps(r), CONTEXT);
    expect(judge(report({ transitiveCount: 25 }))).toEqual({
      passed: true,
      detail: '@mistralai/mistralai@1.2.3 as published pulls 25 packages (max 25)',
    });
    expect(judge(report({ transitiveCount: 26 }))).toEqual({
      passed: false,
      detail: '@mistralai/mistralai@1.2.3 as published pulls 26 packages, more than 25',
    });
    expect(judge(report({ transitiveCount: 3 }), { max: 3 }).passed).toBe(true);
    expect(judge(report({ transitiveCount: 4 }), { max: 3 }).passed).toBe(false);
    expect(judge(report({ transitiveCount: 4 }), { max: '3' }).passed).toBe(true);
    expect(judge(report({ transitiveCount: 5, truncated: true, unresolved: ['a@1', 'b@2'] }))).toEqual({
      passed: false,
      detail:
        '@mistralai/mistralai@1.2.3 as published pulls 5+ packages; 2 the registry could not resolve, more than 25',
    });
  });

  it('sdk-install-scripts lists the packages that run them', () => {
    const judge = (r: PublishedSdkReport) => sdkInstallScriptsAssertion.evaluate({}, deps(r), CONTEXT);
    expect(judge(report())).toEqual({
      passed: true,
      detail: 'no package in the tree of @mistralai/mistralai@1.2.3 as published runs install scripts',
    });
    expect(judge(report({ installScripts: ['esbuild@0.1.0', 'sharp@1.0.0'] }))).toEqual({
      passed: false,
      detail: 'install scripts in: esbuild@0.1.0, sharp@1.0.0',
    });
  });

  it('sdk-not-deprecated quotes the deprecation and dates the release', () => {
    const judge = (r: PublishedSdkReport) => sdkNotDeprecatedAssertion.evaluate({}, deps(r), CONTEXT);
    expect(judge(report())).toEqual({
      passed: true,
      detail: '@mistralai/mistralai@1.2.3 as published is not deprecated, published 2026-01-02',
    });
    expect(judge(report({ publishedAt: null })).detail).toBe(
      '@mistralai/mistralai@1.2.3 as published is not deprecated',
    );
    expect(judge(report({ deprecated: 'use v2' }))).toEqual({
      passed: false,
      detail: '@mistralai/mistralai@1.2.3 as published is deprecated: use v2',
    });
    expect(judge(report({ deprecated: '' })).passed).toBe(false);
  });

  it('sdk-licences-known counts licences and names packages without one', () => {
    const judge = (r: PublishedSdkReport) => sdkLicencesKnownAssertion.evaluate({}, deps(r), CONTEXT);
    expect(judge(report())).toEqual({
      passed: true,
      detail: 'every package declares a licence (MIT x2, Apache-2.0 x1)',
    });
    expect(judge(report({ unknownLicences: ['a@1', 'b@2'] }))).toEqual({
      passed: false,
      detail: 'no licence declared by: a@1, b@2',
    });
  });
});
