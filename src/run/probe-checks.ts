/** @module From a probe's outcome to its checks and status: assertions, the injected availability check, the verdict. */
import type { Assertion } from '../probes/assertion.ts';
import type { ProbeOutcome } from '../probes/probe-kind.ts';
import { ASSERTIONS, NORMAL_TRAFFIC_KINDS } from '../probes/registry.ts';
import type { CheckResult, FailureReason, ProbeStatus } from '../spec/probe-result.ts';
import type { Expectation, ProbeSpec } from '../spec/suite.ts';

/**
 * Ordinary traffic (chat, models, ...) also tells whether the target answers at all: such probes get
 * an `availability` check feeding uptime unless their suite already asks for one.
 */
const AVAILABILITY = {
  assert: 'availability',
  feeds: 'reliability.uptimeSla',
} as const satisfies Expectation;

function countsAvailability(probe: Pick<ProbeSpec, 'kind'>): boolean {
  return NORMAL_TRAFFIC_KINDS.has(probe.kind);
}

/** The probe's expectations, plus the availability check ordinary traffic carries. */
export function expectationsFor(probe: Pick<ProbeSpec, 'kind' | 'expect'>): Expectation[] {
  const expectations = [...(probe.expect ?? [])];
  if (
    countsAvailability(probe) &&
    !expectations.some((expectation) => expectation.assert === AVAILABILITY.assert)
  )
    expectations.push({ ...AVAILABILITY });
  return expectations;
}

function checkFor(
  expectation: Expectation,
  probe: Pick<ProbeSpec, 'feeds'>,
  verdict: { passed: boolean | null; detail: string; partial?: boolean },
): CheckResult {
  const component = expectation.feeds === undefined ? (probe.feeds ?? null) : expectation.feeds;
  return {
    id: expectation.check ?? expectation.assert,
    component,
    passed: verdict.passed,
    ...(verdict.partial && verdict.passed === false ? { partial: true } : {}),
    detail: verdict.detail,
  };
}

/**
 * Checks of one outcome: none when the probe was skipped or errored, except that ordinary traffic
 * that got no answer fails availability (an errored probe is evidence of unavailability).
 */
export function checksFor(
  probe: Pick<ProbeSpec, 'kind' | 'expect' | 'feeds'>,
  outcome: ProbeOutcome,
  context: Parameters<Assertion['evaluate']>[2],
  assertions: Readonly<Record<string, Assertion | undefined>> = ASSERTIONS,
): CheckResult[] {
  if (outcome.skip) return [];
  if (outcome.failure) {
    if (!countsAvailability(probe)) return [];
    return [
      {
        id: AVAILABILITY.assert,
        component: AVAILABILITY.feeds,
        passed: false,
        detail: `no answer: ${outcome.failure.reason}`,
      },
    ];
  }
  return expectationsFor(probe).map((expectation) => {
    const { assert, check: _check, feeds: _feeds, ...params } = expectation;
    const assertion = assertions[assert];
    if (!assertion) throw new Error(`no assertion named ${assert}`);
    return checkFor(expectation, probe, assertion.evaluate(params, outcome, context));
  });
}

export function statusOf(
  outcome: ProbeOutcome,
  checks: CheckResult[],
): { status: ProbeStatus; reason: FailureReason | null; detail?: string } {
  if (outcome.skip) return { status: 'skipped', reason: outcome.skip.reason, detail: outcome.skip.detail };
  if (outcome.failure)
    return { status: 'errored', reason: outcome.failure.reason, detail: outcome.failure.detail };
  return { status: checks.some((check) => check.passed === false) ? 'failed' : 'passed', reason: null };
}
