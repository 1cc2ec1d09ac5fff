/**
 * @module Which attested facts are past their freshness window, and how old a run is; pure (the
 * date to judge against is passed in), so the board and `agentscore stale` agree on one rule.
 */
import type { TargetProfile } from '../spec/target-profile.ts';

const DAY_MS = 86_400_000;

/** An attested fact whose `reverifyBy` date has passed. */
export interface StaleFact {
  /** Profile name the fact belongs to. */
  profile: string;
  claimId: string;
  component: string;
  reverifyBy: string;
  /** Whole days since `reverifyBy`. */
  daysOverdue: number;
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Facts whose `reverifyBy` is before the day of `now`: on the day itself a fact still counts (the
 * scorer treats it as fresh until the date has passed).
 */
export function staleFacts(profile: TargetProfile, now: Date): StaleFact[] {
  const today = isoDay(now);
  return profile.claims
    .filter((claim) => claim.reverifyBy < today)
    .map((claim) => ({
      profile: profile.name,
      claimId: claim.id,
      component: claim.component,
      reverifyBy: claim.reverifyBy,
      daysOverdue: Math.floor((Date.parse(today) - Date.parse(claim.reverifyBy)) / DAY_MS),
    }));
}

/** Whole days between a run's start and `now` (never negative). */
export function runAgeDays(startedAt: string, now: Date): number {
  const started = Date.parse(startedAt);
  if (!Number.isFinite(started)) return 0;
  return Math.max(0, Math.floor((now.getTime() - started) / DAY_MS));
}
