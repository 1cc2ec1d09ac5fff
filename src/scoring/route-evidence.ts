/** @module Routes check results and profile claims to the components they feed; strays become notes. */
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import { allComponentPaths, type ComponentPath } from '../spec/scorecard.ts';
import type { AttestedClaim, TargetProfile } from '../spec/target-profile.ts';

export interface RoutedEvidence {
  checks: Map<ComponentPath, RoutedCheck[]>;
  claims: Map<ComponentPath, AttestedClaim[]>;
  /** Problems that belong to no component, e.g. a check naming an unknown component. */
  notes: string[];
}

/** A check as routed: `lostToTarget` when the target's failure kept it from a verdict. */
export type RoutedCheck = CheckResult & { lostToTarget?: true };

/** Groups checks (informational ones, `component: null`, are skipped) and claims by component. */
export function routeEvidence(
  results: readonly ProbeResult[],
  profile: TargetProfile | null,
): RoutedEvidence {
  const known = new Set<string>(allComponentPaths());
  const routed: RoutedEvidence = { checks: new Map(), claims: new Map(), notes: [] };
  const strayChecks = new Set<string>();
  for (const result of results) {
    const serverFailed = result.evidence.some((exchange) => (exchange.status ?? 0) >= 500);
    for (const found of result.checks) {
      const component = found.component;
      if (component === null) continue;
      if (!known.has(component)) {
        strayChecks.add(`${found.id} → ${component}`);
        continue;
      }
      // Not judged because the target failed (a 5xx): the check's points go unearned, never failed
      // (availability judges the 5xx), so losing samples to errors can never raise a score.
      const check: RoutedCheck =
        found.passed === null && serverFailed ? { ...found, lostToTarget: true } : found;
      // Push in place: copying the list per check was quadratic (minutes at 100,000 results).
      const list = routed.checks.get(component);
      if (list) list.push(check);
      else routed.checks.set(component, [check]);
    }
  }
  const strayClaims: string[] = [];
  for (const claim of profile?.claims ?? []) {
    if (!known.has(claim.component)) {
      strayClaims.push(`${claim.id} → ${claim.component}`);
      continue;
    }
    routed.claims.set(claim.component, [...(routed.claims.get(claim.component) ?? []), claim]);
  }
  if (strayChecks.size > 0) {
    routed.notes.push(
      `checks naming an unknown component (not scored): ${[...strayChecks].sort().join(', ')}`,
    );
  }
  if (strayClaims.length > 0) {
    routed.notes.push(`claims naming an unknown component (not scored): ${strayClaims.join(', ')}`);
  }
  return routed;
}
