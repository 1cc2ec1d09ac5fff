/** @module Routes check results and profile claims to the components they feed; strays become notes. */
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import { allComponentPaths, type ComponentPath } from '../spec/scorecard.ts';
import type { AttestedClaim, TargetProfile } from '../spec/target-profile.ts';

export interface RoutedEvidence {
  checks: Map<ComponentPath, CheckResult[]>;
  claims: Map<ComponentPath, AttestedClaim[]>;
  /** Problems that belong to no component, e.g. a check naming an unknown component. */
  notes: string[];
}

/** Groups checks (informational ones, `component: null`, are skipped) and claims by component. */
export function routeEvidence(
  results: readonly ProbeResult[],
  profile: TargetProfile | null,
): RoutedEvidence {
  const known = new Set<string>(allComponentPaths());
  const routed: RoutedEvidence = { checks: new Map(), claims: new Map(), notes: [] };
  const strayChecks = new Set<string>();
  for (const result of results) {
    for (const check of result.checks) {
      if (check.component === null) continue;
      if (!known.has(check.component)) {
        strayChecks.add(`${check.id} → ${check.component}`);
        continue;
      }
      // Push in place: copying the list per check was quadratic (minutes at 100,000 results).
      const list = routed.checks.get(check.component);
      if (list) list.push(check);
      else routed.checks.set(check.component, [check]);
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
