/** @module The assertion contract: a small handler that judges a probe outcome. */
import type { ProbeContext, ProbeOutcome } from './probe-kind.ts';

export interface AssertionVerdict {
  /** true pass, false fail, null not applicable here. */
  passed: boolean | null;
  detail: string;
}

export type AssertionParams = Record<string, unknown>;

export interface Assertion {
  readonly name: string;
  evaluate(
    params: AssertionParams,
    outcome: ProbeOutcome,
    context: Pick<ProbeContext, 'containsSecret' | 'canaries' | 'target' | 'vars'>,
  ): AssertionVerdict;
}

export function pass(detail: string): AssertionVerdict {
  return { passed: true, detail };
}
export function fail(detail: string): AssertionVerdict {
  return { passed: false, detail };
}
export function notApplicable(detail: string): AssertionVerdict {
  return { passed: null, detail };
}
