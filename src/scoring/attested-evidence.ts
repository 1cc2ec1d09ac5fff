/** @module Judges one attested claim: freshness, status and what it does to a component score. */
import type { AttestedClaim, ClaimStatus } from '../spec/target-profile.ts';

/** What a claim contributes: a direct score, or a share of the rubric penalty. */
export interface ClaimVerdict {
  id: string;
  /** The claim is in the target profile (a missing claim is unknown, never a pass). */
  present: boolean;
  /** The claim's own status; null when the profile lacks the claim. */
  status: ClaimStatus | null;
  /** Fresh score the claim supports directly, averaged with the measured score; null otherwise. */
  directScore: number | null;
  /** Share of the rubric's points lost: 0 pass, 0.5 partial/unknown/stale, 1 fail. */
  penaltyShare: number;
  /** A fresh `fail`: the rubric cap for this claim applies. */
  failed: boolean;
  /** Why the claim could not be verified, or null when it could. */
  unverifiedReason: string | null;
}

/** True while the claim is inside its freshness window (`reverifyBy` on or after `asOf`). */
export function isFresh(claim: Pick<AttestedClaim, 'reverifyBy'>, asOf: string): boolean {
  return claim.reverifyBy.slice(0, 10) >= asOf.slice(0, 10);
}

/** Judges a claim as of a date; `claim` undefined means the profile lacks it. */
export function judgeClaim(id: string, claim: AttestedClaim | undefined, asOf: string): ClaimVerdict {
  const unverified = (present: boolean, reason: string): ClaimVerdict => ({
    id,
    present,
    status: claim?.status ?? null,
    directScore: null,
    penaltyShare: 0.5,
    failed: false,
    unverifiedReason: reason,
  });
  if (claim === undefined) return unverified(false, 'not in the target profile');
  if (!isFresh(claim, asOf)) return unverified(true, `stale since ${claim.reverifyBy.slice(0, 10)}`);
  if (claim.status === 'unknown') return unverified(true, 'status unknown');
  const failed = claim.status === 'fail';
  if (typeof claim.score === 'number') {
    return {
      id,
      present: true,
      status: claim.status,
      directScore: claim.score,
      penaltyShare: 0,
      failed,
      unverifiedReason: null,
    };
  }
  const penaltyShare = failed ? 1 : claim.status === 'partial' ? 0.5 : 0;
  return {
    id,
    present: true,
    status: claim.status,
    directScore: null,
    penaltyShare,
    failed,
    unverifiedReason: null,
  };
}
