/** @module Assertions on the `sdk` kind: calls succeed, errors are typed, the dependency tree is lean and clean. */
import {
  type Assertion,
  type AssertionParams,
  type AssertionVerdict,
  fail,
  notApplicable,
  pass,
} from '../assertion.ts';
import {
  isSdkCallObservations,
  isSdkDependencyObservations,
  type SdkCallObservations,
  type SdkDependencyObservations,
} from '../kinds/sdk.ts';

/** Constructor names that say nothing about which SDK failure happened. */
const GENERIC_ERROR_CLASSES = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'Object',
  'object',
  'string',
  'undefined',
]);

function callAssertion(
  name: string,
  judge: (params: AssertionParams, observations: SdkCallObservations) => AssertionVerdict,
): Assertion {
  return {
    name,
    evaluate: (params, outcome) =>
      isSdkCallObservations(outcome.observations)
        ? judge(params, outcome.observations)
        : notApplicable('no SDK call observed'),
  };
}

function dependencyAssertion(
  name: string,
  judge: (params: AssertionParams, report: SdkDependencyObservations) => AssertionVerdict,
): Assertion {
  return {
    name,
    evaluate: (params, outcome) =>
      isSdkDependencyObservations(outcome.observations)
        ? judge(params, outcome.observations)
        : notApplicable('no SDK dependency report'),
  };
}

export const sdkCallOkAssertion = callAssertion('sdk-call-ok', (_params, call) =>
  call.ok
    ? pass(`SDK call succeeded in ${Math.round(call.durationMs)} ms`)
    : fail(`SDK call failed: ${call.errorClass} ${call.statusCode ?? ''} ${call.message ?? ''}`.trim()),
);

function statusExpected(params: AssertionParams): number[] | null {
  if (Array.isArray(params.expectStatus)) return params.expectStatus.map(Number);
  return typeof params.expectStatus === 'number' ? [params.expectStatus] : null;
}

export const sdkTypedErrorAssertion = callAssertion('sdk-typed-error', (params, call) => {
  if (call.ok) return fail('the SDK call succeeded where an error was expected');
  const problems: string[] = [];
  if (!call.errorClass || GENERIC_ERROR_CLASSES.has(call.errorClass))
    problems.push(`generic error class ${call.errorClass}`);
  const expected = statusExpected(params);
  if (expected && (call.statusCode === null || !expected.includes(call.statusCode))) {
    problems.push(`status ${call.statusCode ?? 'missing'}, expected ${expected.join(' or ')}`);
  } else if (!expected && (call.statusCode === null || call.statusCode < 400 || call.statusCode >= 500)) {
    problems.push(`status ${call.statusCode ?? 'missing'}, expected a 4xx`);
  }
  if (!call.hasTypedFields) problems.push('no typed statusCode/body/headers fields');
  return problems.length === 0
    ? pass(`${call.errorClass} with status ${call.statusCode} and typed fields`)
    : fail(`${call.errorClass ?? 'error'}: ${problems.join('; ')}`);
});

/** A client-side timeout surfaces as its own error class an agent can catch and retry on. */
export const sdkTimeoutTypedAssertion = callAssertion('sdk-timeout-typed', (_params, call) => {
  if (call.ok) return notApplicable(`answered within the timeout (${call.durationMs} ms)`);
  return call.errorClass && /timeout/i.test(call.errorClass)
    ? pass(`${call.errorClass} after ${call.durationMs} ms`)
    : fail(`a timeout surfaced as ${call.errorClass ?? 'an untyped error'}: ${call.message ?? ''}`.trim());
});

export const sdkDependencyCountAssertion = dependencyAssertion('sdk-dependency-count', (params, report) => {
  const max = typeof params.max === 'number' ? params.max : 25;
  const what = `${report.packageName}@${report.sdkVersion} pulls ${report.transitiveCount} packages`;
  return report.transitiveCount <= max ? pass(`${what} (max ${max})`) : fail(`${what}, more than ${max}`);
});

export const sdkInstallScriptsAssertion = dependencyAssertion('sdk-install-scripts', (_params, report) =>
  report.installScripts.length === 0
    ? pass('no package in the SDK tree runs install scripts')
    : fail(`install scripts in: ${report.installScripts.join(', ')}`),
);

export const sdkLicencesKnownAssertion = dependencyAssertion('sdk-licences-known', (_params, report) => {
  const licences = Object.entries(report.licences)
    .map(([licence, count]) => `${licence} x${count}`)
    .join(', ');
  return report.unknownLicences.length === 0
    ? pass(`every package declares a licence (${licences})`)
    : fail(`no licence declared by: ${report.unknownLicences.join(', ')}`);
});
