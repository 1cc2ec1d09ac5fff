/** @module Gotchas: from failed checks (naming their probes) and from the target profile (attested). */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Gotcha } from '../spec/scorecard.ts';
import type { ProfileGotcha, TargetProfile } from '../spec/target-profile.ts';
import { probeId } from './dedupe-results.ts';
import { type FailedCheckSummary, formatPercent, wordGotcha } from './gotcha-wording.ts';

const MAX_DETAILS = 2;

interface CheckGroup extends FailedCheckSummary {
  probeIds: Set<string>;
  failingResults: ProbeResult[];
}

function groupChecks(results: readonly ProbeResult[]): Map<string, CheckGroup> {
  const groups = new Map<string, CheckGroup>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.passed === null) continue;
      const group = groups.get(check.id) ?? {
        id: check.id,
        failed: 0,
        evaluated: 0,
        details: [],
        toolCalls: null,
        jsonMode: null,
        probeIds: new Set<string>(),
        failingResults: [],
      };
      group.evaluated += 1;
      if (check.passed === false) {
        group.failed += 1;
        group.probeIds.add(probeId(result));
        if (!group.failingResults.includes(result)) group.failingResults.push(result);
        if (
          group.details.length < MAX_DETAILS &&
          check.detail !== '' &&
          !group.details.includes(check.detail)
        ) {
          group.details.push(check.detail);
        }
      }
      groups.set(check.id, group);
    }
  }
  for (const group of groups.values()) summariseMeasurements(group);
  return groups;
}

function summariseMeasurements(group: CheckGroup): void {
  const toolCalls = group.failingResults.flatMap((result) =>
    result.measurements.toolCalls ? [result.measurements.toolCalls] : [],
  );
  if (toolCalls.length > 0) {
    group.toolCalls = {
      calls: toolCalls.reduce((sum, sample) => sum + sample.calls, 0),
      repeatedCalls: toolCalls.reduce((sum, sample) => sum + sample.repeatedCalls, 0),
      conversations: toolCalls.length,
      hitGuard: toolCalls.filter((sample) => sample.hitGuard === true).length,
    };
  }
  const jsonMode = group.failingResults.flatMap((result) =>
    result.measurements.jsonMode ? [result.measurements.jsonMode] : [],
  );
  if (jsonMode.length > 0) {
    const accepted = jsonMode.filter((sample) => sample.accepted);
    group.jsonMode = {
      accepted: accepted.length,
      invalid: accepted.filter((sample) => !sample.valid).length,
    };
  }
}

function measuredGotcha(group: CheckGroup): Gotcha {
  const text = wordGotcha(group);
  const evidence = group.details.length > 0 ? ` Evidence: ${group.details.join(' | ')}` : '';
  return {
    title: text.title,
    detail: `${text.advice}. Check \`${group.id}\` failed ${group.failed} of ${group.evaluated} times (${formatPercent(group.failed, group.evaluated)}).${evidence}`,
    probeIds: [...group.probeIds].sort(),
    source: 'measured',
  };
}

/** An attested gotcha is contradicted when every probe it names ran and passed every time. */
function isContradicted(gotcha: ProfileGotcha, resultsByProbe: ReadonlyMap<string, ProbeResult[]>): boolean {
  if (gotcha.probeIds.length === 0) return false;
  return gotcha.probeIds.every((id) => {
    const runs = resultsByProbe.get(id) ?? [];
    return runs.length > 0 && runs.every((result) => result.status === 'passed');
  });
}

/**
 * Measured gotchas first (highest failure share first, then check id), then the profile's gotchas in
 * profile order, minus those every named probe contradicted.
 */
export function deriveGotchas(results: readonly ProbeResult[], profile: TargetProfile | null): Gotcha[] {
  const failedGroups = [...groupChecks(results).values()].filter((group) => group.failed > 0);
  failedGroups.sort(
    (left, right) =>
      right.failed / right.evaluated - left.failed / left.evaluated ||
      right.failed - left.failed ||
      (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  const resultsByProbe = new Map<string, ProbeResult[]>();
  for (const result of results) {
    const id = probeId(result);
    resultsByProbe.set(id, [...(resultsByProbe.get(id) ?? []), result]);
  }
  const attested = (profile?.gotchas ?? [])
    .filter((gotcha) => !isContradicted(gotcha, resultsByProbe))
    .map(
      (gotcha): Gotcha => ({
        title: gotcha.title,
        detail: gotcha.detail,
        probeIds: [...gotcha.probeIds],
        source: 'attested',
      }),
    );
  return [...failedGroups.map(measuredGotcha), ...attested];
}
