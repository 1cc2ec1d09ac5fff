/** @module Gotchas in the rubric's words: failed checks (naming their probes), failed facts, and profile gotchas no measurement contradicts. */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Rubric, RubricAttested, RubricCheck } from '../spec/rubric.ts';
import type { Gotcha } from '../spec/scorecard.ts';
import type { ProfileGotcha, TargetProfile } from '../spec/target-profile.ts';
import { isFresh } from './attested-evidence.ts';
import type { CheckEvidence } from './check-evidence.ts';
import { probeId } from './dedupe-results.ts';

const MAX_DETAILS = 2;

interface FailedCheck {
  id: string;
  failed: number;
  evaluated: number;
  details: string[];
  probeIds: string[];
}

/** "40 %" style, for rates shown to people. */
export function formatPercent(numerator: number, denominator: number): string {
  return denominator === 0 ? '0 %' : `${Math.round((numerator / denominator) * 100)} %`;
}

/** Every check and fact of the rubric by id. */
function catalogue(rubric: Rubric): { checks: Map<string, RubricCheck>; facts: Map<string, RubricAttested> } {
  const checks = new Map<string, RubricCheck>();
  const facts = new Map<string, RubricAttested>();
  for (const component of Object.values(rubric.components)) {
    for (const [id, rule] of Object.entries(component?.checks ?? {})) checks.set(id, rule);
    for (const [id, rule] of Object.entries(component?.attested ?? {})) facts.set(id, rule);
  }
  return { checks, facts };
}

/** Failed measured checks the rubric knows (informational checks inform metrics, not gotchas). */
function failedMeasured(
  results: readonly ProbeResult[],
  known: ReadonlyMap<string, RubricCheck>,
): FailedCheck[] {
  const groups = new Map<string, FailedCheck & { probes: Set<string> }>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.passed === null || !known.has(check.id) || check.component === null) continue;
      const group = groups.get(check.id) ?? {
        id: check.id,
        failed: 0,
        evaluated: 0,
        details: [],
        probeIds: [],
        probes: new Set<string>(),
      };
      group.evaluated += 1;
      if (check.passed === false) {
        group.failed += 1;
        group.probes.add(probeId(result));
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
  return [...groups.values()]
    .filter((group) => group.failed > 0)
    .map(({ probes, ...group }) => ({ ...group, probeIds: [...probes].sort() }));
}

function failedDerived(derived: readonly CheckEvidence[]): FailedCheck[] {
  return derived
    .filter((evidence) => evidence.failed > 0)
    .map((evidence) => ({
      id: evidence.id,
      failed: evidence.failed,
      evaluated: evidence.samples,
      details: evidence.detail ? [evidence.detail] : [],
      probeIds: evidence.probeIds ?? [],
    }));
}

function checkGotcha(failure: FailedCheck, rule: RubricCheck): Gotcha {
  const evidence = failure.details.length > 0 ? ` Evidence: ${failure.details.join(' | ')}` : '';
  return {
    title: rule.gotcha,
    detail: `${rule.advice}. ${rule.title}: failed ${failure.failed} of ${failure.evaluated} (${formatPercent(failure.failed, failure.evaluated)}).${evidence}`,
    probeIds: failure.probeIds,
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
 * Measured gotchas first (highest failure share first, then check id), then fresh failed facts in
 * rubric order, then the profile's gotchas in profile order minus those every named probe contradicted.
 */
export function deriveGotchas(
  results: readonly ProbeResult[],
  profile: TargetProfile | null,
  rubric: Rubric,
  derived: readonly CheckEvidence[] = [],
  asOf = '0000-01-01',
): Gotcha[] {
  const { checks, facts } = catalogue(rubric);
  const failures = [...failedMeasured(results, checks), ...failedDerived(derived)];
  failures.sort(
    (left, right) =>
      right.failed / right.evaluated - left.failed / left.evaluated ||
      right.failed - left.failed ||
      (left.id < right.id ? -1 : left.id > right.id ? 1 : 0),
  );
  const measured = failures.flatMap((failure) => {
    const rule = checks.get(failure.id);
    return rule ? [checkGotcha(failure, rule)] : [];
  });
  const failedFacts = (profile?.claims ?? [])
    .filter((claim) => claim.status === 'fail' && isFresh(claim, asOf) && facts.has(claim.id))
    .map((claim): Gotcha => {
      const rule = facts.get(claim.id) as RubricAttested;
      return {
        title: rule.gotcha,
        detail: `${rule.advice}. ${claim.quote} (${claim.sourceUrl})`,
        probeIds: [],
        source: 'attested',
      };
    });
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
  return [...measured, ...failedFacts, ...attested];
}
