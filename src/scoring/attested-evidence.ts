/** @module Judges one attested fact: freshness and status decide a verdict and the share of points it earns. */
import type { RubricScoring } from '../spec/rubric.ts';
import type { AttestedClaim, ClaimStatus } from '../spec/target-profile.ts';

/** A fact's verdict. Stale, unknown and absent facts are all `unknown`: never a pass. */
export interface ClaimVerdict {
  id: string;
  /** The fact is in the target profile. */
  present: boolean;
  /** pass / partial / fail when judged; unknown when absent, stale or unknown in the profile. */
  verdict: ClaimStatus;
  /** Share (0-1) of the fact's points earned, from the rubric's published credits. */
  credit: number;
  /** Why the fact could not be verified, or null when it was judged. */
  unverifiedReason: string | null;
}

/** True while the claim is inside its freshness window (`reverifyBy` on or after `asOf`). */
export function isFresh(claim: Pick<AttestedClaim, 'reverifyBy'>, asOf: string): boolean {
  return claim.reverifyBy.slice(0, 10) >= asOf.slice(0, 10);
}

/** Judges a fact as of a date; `claim` undefined means the profile lacks it. */
export function judgeClaim(
  id: string,
  claim: AttestedClaim | undefined,
  asOf: string,
  scoring: Pick<RubricScoring, 'unknownFactCredit' | 'partialFactCredit'>,
): ClaimVerdict {
  const unknown = (reason: string): ClaimVerdict => ({
    id,
    present: claim !== undefined,
    verdict: 'unknown',
    credit: scoring.unknownFactCredit,
    unverifiedReason: reason,
  });
  if (claim === undefined) return unknown('not in the target profile');
  if (!isFresh(claim, asOf)) return unknown(`stale since ${claim.reverifyBy.slice(0, 10)}`);
  if (claim.status === 'unknown') return unknown('status unknown');
  const credit = claim.status === 'pass' ? 1 : claim.status === 'partial' ? scoring.partialFactCredit : 0;
  return { id, present: true, verdict: claim.status, credit, unverifiedReason: null };
}
