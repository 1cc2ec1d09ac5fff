/**
 * @module What needs re-evaluation: attested facts past their re-verify date and targets whose last
 * run is older than N days (the `agentscore stale` document). Pure: the date is passed in.
 */
import type { TargetProfile } from '../spec/target-profile.ts';
import type { BoardEntry } from './board-document.ts';
import { runAgeDays, type StaleFact, staleFacts } from './stale-facts.ts';

export const STALE_SCHEMA_VERSION = 1;

export interface StaleTarget {
  name: string;
  startedAt: string;
  ageDays: number;
  runDir: string | null;
}

export interface StaleReport {
  schemaVersion: typeof STALE_SCHEMA_VERSION;
  checkedAt: string;
  /** A target whose last run is older than this many days is listed. */
  days: number;
  /** Profiles whose facts were checked. */
  profilesChecked: string[];
  /** Targets whose last run was checked. */
  targetsChecked: number;
  facts: StaleFact[];
  targets: StaleTarget[];
  /** True when anything is listed: `agentscore stale` then exits 1. */
  stale: boolean;
}

export interface StaleReportInput {
  now: Date;
  days: number;
  /** Profiles to check on their own (`--profiles`). */
  profiles: readonly TargetProfile[];
  /** The latest run of each target (`--db`); their profiles' facts are checked too. */
  entries: readonly BoardEntry[];
}

export function buildStaleReport(input: StaleReportInput): StaleReport {
  const profiles = new Map<string, TargetProfile>();
  for (const profile of [...input.profiles, ...input.entries.flatMap((entry) => entry.profile ?? [])])
    if (!profiles.has(profile.name)) profiles.set(profile.name, profile);
  const facts = [...profiles.values()].flatMap((profile) => staleFacts(profile, input.now));
  const targets = input.entries
    .map((entry) => ({
      name: entry.scorecard.target.name,
      startedAt: entry.scorecard.startedAt,
      ageDays: runAgeDays(entry.scorecard.startedAt, input.now),
      runDir: entry.runDir,
    }))
    .filter((target) => target.ageDays > input.days)
    .sort((left, right) => right.ageDays - left.ageDays || left.name.localeCompare(right.name));
  return {
    schemaVersion: STALE_SCHEMA_VERSION,
    checkedAt: input.now.toISOString(),
    days: input.days,
    profilesChecked: [...profiles.keys()].sort(),
    targetsChecked: input.entries.length,
    facts,
    targets,
    stale: facts.length > 0 || targets.length > 0,
  };
}

/** The human listing `agentscore stale` prints. */
export function formatStaleReport(report: StaleReport): string {
  const lines: string[] = [
    `checked ${report.profilesChecked.length} profiles (${report.profilesChecked.join(', ') || 'none'}) and ${report.targetsChecked} targets on ${report.checkedAt.slice(0, 10)}`,
  ];
  if (report.facts.length > 0) {
    lines.push(
      `${report.facts.length} facts past their re-verify date (they count as unknown until re-verified):`,
    );
    for (const fact of report.facts)
      lines.push(
        `  ${fact.profile}: ${fact.claimId} (${fact.component}) re-verify by ${fact.reverifyBy}, ${fact.daysOverdue} days overdue`,
      );
  }
  if (report.targets.length > 0) {
    lines.push(`${report.targets.length} targets last run more than ${report.days} days ago:`);
    for (const target of report.targets)
      lines.push(
        `  ${target.name}: ${target.ageDays} days (${target.startedAt})${target.runDir ? ` ${target.runDir}` : ''}`,
      );
  }
  if (!report.stale) lines.push('nothing stale');
  return `${lines.join('\n')}\n`;
}
