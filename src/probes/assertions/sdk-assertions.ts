/** @module Assertions on the `sdk` kind: calls succeed, errors are typed, the dependency tree is lean and clean. */
import type { AssertionName } from '../../spec/suite.ts';
import {
  type Assertion,
  type AssertionParams,
  type AssertionVerdict,
  fail,
  notApplicable,
  pass,
} from '../assertion.ts';
import type { SdkCallObservations } from '../kinds/sdk.ts';
import { observationOf } from '../observation.ts';
import type { ParameterSchema } from '../probe-kind.ts';
import type { PublishedSdkReport } from '../published-sdk-report.ts';

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

function callAssertion<Name extends AssertionName>(
  name: Name,
  judge: (params: AssertionParams, observations: SdkCallObservations) => AssertionVerdict,
  parameters?: ParameterSchema,
): Assertion<Name> {
  return {
    name,
    ...(parameters ? { parameters } : {}),
    reads: ['sdk'],
    evaluate: (params, outcome) => {
      const observations = observationOf(outcome, 'sdk');
      return observations && observations.scenario !== 'dependencies'
        ? judge(params, observations)
        : notApplicable('no SDK call observed');
    },
  };
}

function dependencyAssertion<Name extends AssertionName>(
  name: Name,
  judge: (params: AssertionParams, report: PublishedSdkReport) => AssertionVerdict,
  parameters?: ParameterSchema,
): Assertion<Name> {
  return {
    name,
    ...(parameters ? { parameters } : {}),
    reads: ['sdk'],
    evaluate: (params, outcome) => {
      const observations = observationOf(outcome, 'sdk');
      if (observations?.scenario !== 'dependencies') return notApplicable('no SDK dependency report');
      // No registry, no evidence: the component shows `--`, never our own lockfile's numbers.
      if (!observations.report) return notApplicable(observations.unreachable ?? 'registry unreachable');
      return judge(params, observations.report);
    },
  };
}

const published = (report: PublishedSdkReport) => `${report.packageName}@${report.version} as published`;

/** A server error through the SDK is availability's to judge, not the SDK's. */
function serverError(call: SdkCallObservations): AssertionVerdict | null {
  return call.statusCode !== null && call.statusCode >= 500
    ? notApplicable(`not judged: the API answered ${call.statusCode} (availability judges it)`)
    : null;
}

export const sdkCallOkAssertion = callAssertion('sdk-call-ok', (_params, call) => {
  if (call.ok) return pass(`SDK call succeeded in ${Math.round(call.durationMs)} ms`);
  return (
    serverError(call) ??
    fail(
      `SDK call failed: ${[call.errorClass, call.statusCode, call.message].filter((part) => part !== null && part !== undefined && part !== '').join(' ')}`,
    )
  );
});

function statusExpected(params: AssertionParams): number[] | null {
  if (Array.isArray(params.expectStatus)) return params.expectStatus.map(Number);
  return typeof params.expectStatus === 'number' ? [params.expectStatus] : null;
}

export const sdkTypedErrorAssertion = callAssertion(
  'sdk-typed-error',
  (params, call) => {
    if (call.ok) return fail('the SDK call succeeded where an error was expected');
    const expectedStatuses = statusExpected(params);
    const unexpectedServerError = !expectedStatuses?.some((status) => status >= 500)
      ? serverError(call)
      : null;
    if (unexpectedServerError) return unexpectedServerError;
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
  },
  {
    type: 'object',
    properties: {
      expectStatus: {
        oneOf: [
          { type: 'integer', minimum: 100, maximum: 599 },
          { type: 'array', minItems: 1, items: { type: 'integer', minimum: 100, maximum: 599 } },
        ],
      },
    },
    additionalProperties: false,
  },
);

/** A client-side timeout surfaces as its own error class an agent can catch and retry on. */
export const sdkTimeoutTypedAssertion = callAssertion('sdk-timeout-typed', (_params, call) => {
  if (call.ok) return notApplicable(`answered within the timeout (${call.durationMs} ms)`);
  return call.errorClass && /timeout/i.test(call.errorClass)
    ? pass(`${call.errorClass} after ${call.durationMs} ms`)
    : fail(`a timeout surfaced as ${call.errorClass ?? 'an untyped error'}: ${call.message ?? ''}`.trim());
});

export const sdkDependencyCountAssertion = dependencyAssertion(
  'sdk-dependency-count',
  (params, report) => {
    const max = typeof params.max === 'number' ? params.max : 25;
    const unresolved =
      report.unresolved.length > 0 ? `; ${report.unresolved.length} the registry could not resolve` : '';
    const what = `${published(report)} pulls ${report.transitiveCount}${report.truncated ? '+' : ''} packages${unresolved}`;
    return report.transitiveCount <= max && !report.truncated
      ? pass(`${what} (max ${max})`)
      : fail(`${what}, more than ${max}`);
  },
  {
    type: 'object',
    properties: { max: { type: 'integer', minimum: 0 } },
    additionalProperties: false,
  },
);

export const sdkInstallScriptsAssertion = dependencyAssertion('sdk-install-scripts', (_params, report) =>
  report.installScripts.length === 0
    ? pass(`no package in the tree of ${published(report)} runs install scripts`)
    : fail(`install scripts in: ${report.installScripts.join(', ')}`),
);

/** A deprecated SDK release is one its publisher asks users to leave. */
export const sdkNotDeprecatedAssertion = dependencyAssertion('sdk-not-deprecated', (_params, report) => {
  const date = report.publishedAt ? `, published ${report.publishedAt.slice(0, 10)}` : '';
  return report.deprecated === null
    ? pass(`${published(report)} is not deprecated${date}`)
    : fail(`${published(report)} is deprecated: ${report.deprecated}`);
});

export const sdkLicencesKnownAssertion = dependencyAssertion('sdk-licences-known', (_params, report) => {
  const licences = Object.entries(report.licences)
    .map(([licence, count]) => `${licence} x${count}`)
    .join(', ');
  return report.unknownLicences.length === 0
    ? pass(`every package declares a licence (${licences})`)
    : fail(`no licence declared by: ${report.unknownLicences.join(', ')}`);
});
