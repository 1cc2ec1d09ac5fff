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
  // Prices are facts too: past their date the scorecard gives no cost, so they need re-reading.
  const facts = [
    ...profile.claims.map((claim) => ({
      id: claim.id,
      component: claim.component,
      reverifyBy: claim.reverifyBy,
    })),
    ...(profile.prices ?? []).map((price) => ({
      id: `price:${price.model}`,
      component: 'cost',
      reverifyBy: price.reverifyBy,
    })),
  ];
  return facts
    .filter((fact) => fact.reverifyBy < today)
    .map((fact) => ({
      profile: profile.name,
      claimId: fact.id,
      component: fact.component,
      reverifyBy: fact.reverifyBy,
      daysOverdue: Math.floor((Date.parse(today) - Date.parse(fact.reverifyBy)) / DAY_MS),
    }));
}

/** Whole days between a run's start and `now` (never negative). */
export function runAgeDays(startedAt: string, now: Date): number {
  const started = Date.parse(startedAt);
  if (!Number.isFinite(started)) return 0;
  return Math.max(0, Math.floor((now.getTime() - started) / DAY_MS));
}
