/** @module The assertion contract: a small handler that judges a probe outcome. */
import type { AssertionName, KindName } from '../spec/suite.ts';
import type { ParameterSchema, ProbeContext, ProbeOutcome } from './probe-kind.ts';

export interface AssertionVerdict {
  /** true pass, false fail, null not judged here (not applicable, or another check judges it). */
  passed: boolean | null;
  detail: string;
  /** With `passed: false`: a lesser failure the rubric may weigh as half (e.g. gdpr-criteria P-PIIECHO). */
  partial?: boolean;
}

/**
 * An expectation's parameters (every key besides assert/check/feeds). Validated against the
 * assertion's `parameters` schema when suites load; handlers read them through their own typed view.
 */
export type AssertionParams = Readonly<Record<string, unknown>>;

/** The parts of the probe context an assertion may read. */
export type AssertionContext = Pick<ProbeContext, 'containsSecret' | 'canaries' | 'target' | 'vars'>;

export interface Assertion<Name extends AssertionName = AssertionName> {
  readonly name: Name;
  /** What the expectation may hold besides assert/check/feeds; absent: nothing. */
  readonly parameters?: ParameterSchema;
  /**
   * The kinds whose observation it reads; the suite loader rejects it on a probe of another kind.
   * Absent: it reads only the exchanges, which every kind has.
   */
  readonly reads?: readonly KindName[];
  evaluate(params: AssertionParams, outcome: ProbeOutcome, context: AssertionContext): AssertionVerdict;
}

export function pass(detail: string): AssertionVerdict {
  return { passed: true, detail };
}
export function fail(detail: string): AssertionVerdict {
  return { passed: false, detail };
}
/** A failure that counts as half: something leaked or went wrong, but less than the check is about. */
export function partialFail(detail: string): AssertionVerdict {
  return { passed: false, partial: true, detail };
}
export function notApplicable(detail: string): AssertionVerdict {
  return { passed: null, detail };
}
