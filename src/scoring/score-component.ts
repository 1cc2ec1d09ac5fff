/** @module Scores one scorecard component from its measured checks and attested claims (DESIGN.md §4). */
import type { CheckResult, HistoryEvidence } from '../spec/probe-result.ts';
import type { RubricCap, RubricComponent } from '../spec/rubric.ts';
import type { ComponentPath, ComponentScore } from '../spec/scorecard.ts';
import type { AttestedClaim } from '../spec/target-profile.ts';
import { type ClaimVerdict, judgeClaim } from './attested-evidence.ts';
import { clampScore, roundScore } from './round-score.ts';
import { failRate, tallyChecks } from './tally-checks.ts';

export interface ComponentInput {
  path: ComponentPath;
  /** The rubric entry; undefined when the rubric does not know the component. */
  rubric: RubricComponent | undefined;
  /** Check results routed to this component. */
  checks: readonly CheckResult[];
  /** Profile claims for this component. */
  claims: readonly AttestedClaim[];
  /** ISO date the claims' freshness is judged against. */
  asOf: string;
  /** Tallies from earlier stored runs for this component. */
  history?: readonly HistoryEvidence[];
}

interface MeasuredPart {
  evidence: string[];
  penalty: number;
  /** Bonus points earned, granted only if the whole penalty-only score is at least 90. */
  bonusPotential: number;
  passed: number;
  failed: number;
  caps: RubricCap[];
  unknownIds: string[];
}

function ownEntries<T>(record: Record<string, T> | undefined): [string, T][] {
  return record === undefined ? [] : Object.entries(record);
}

function hasOwn(record: Record<string, unknown> | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

function scoreMeasured(
  rubric: RubricComponent | undefined,
  checks: readonly CheckResult[],
  history: readonly HistoryEvidence[],
): MeasuredPart {
  const tallies = tallyChecks(checks);
  for (const evidence of history) {
    const tally = tallies.get(evidence.check) ?? { passed: 0, failed: 0 };
    tallies.set(evidence.check, {
      passed: tally.passed + evidence.passed,
      failed: tally.failed + evidence.failed,
    });
  }
  const part: MeasuredPart = {
    evidence: [],
    penalty: 0,
    bonusPotential: 0,
    passed: 0,
    failed: 0,
    caps: [],
    unknownIds: [],
  };
  for (const [id, rule] of ownEntries(rubric?.checks)) {
    const tally = tallies.get(id);
    const rate = failRate(tally);
    if (tally === undefined || rate === null) continue;
    part.evidence.push(id);
    part.passed += tally.passed;
    part.failed += tally.failed;
    part.penalty += rule.points * rate;
    if (rate > 0 && rule.cap !== undefined) part.caps.push(rule.cap);
  }
  for (const [id, rule] of ownEntries(rubric?.bonuses)) {
    const tally = tallies.get(id);
    const rate = failRate(tally);
    if (tally === undefined || rate === null) continue;
    part.evidence.push(id);
    part.passed += tally.passed;
    part.failed += tally.failed;
    part.bonusPotential += rule.points * (1 - rate);
  }
  part.unknownIds = [...tallies.keys()]
    .filter((id) => !hasOwn(rubric?.checks, id) && !hasOwn(rubric?.bonuses, id))
    .sort();
  return part;
}

interface AttestedPart {
  verdicts: ClaimVerdict[];
  penalty: number;
  caps: RubricCap[];
  unknownIds: string[];
  duplicateIds: string[];
}

function scoreAttested(
  rubric: RubricComponent | undefined,
  claims: readonly AttestedClaim[],
  asOf: string,
  judgeMissing: boolean,
): AttestedPart {
  const byId = new Map<string, AttestedClaim>();
  const part: AttestedPart = { verdicts: [], penalty: 0, caps: [], unknownIds: [], duplicateIds: [] };
  for (const claim of claims) {
    if (!hasOwn(rubric?.attested, claim.id)) part.unknownIds.push(claim.id);
    else if (byId.has(claim.id)) part.duplicateIds.push(claim.id);
    else byId.set(claim.id, claim);
  }
  part.unknownIds.sort();
  for (const [id, rule] of ownEntries(rubric?.attested)) {
    const claim = byId.get(id);
    // A missing claim is unknown, but only once the component is judged at all: no evidence stays null.
    if (claim === undefined && !judgeMissing) continue;
    const verdict = judgeClaim(id, claim, asOf);
    part.verdicts.push(verdict);
    part.penalty += (rule.points ?? 0) * verdict.penaltyShare;
    if (verdict.failed && rule.cap !== undefined) part.caps.push(rule.cap);
  }
  return part;
}

function formatCap(path: ComponentPath, cap: RubricCap): string {
  return `${cap.label} → ${path.split('.')[1]} ≤ ${cap.max}`;
}

function describeProblems(measured: MeasuredPart, attested: AttestedPart): string[] {
  const notes: string[] = [];
  if (measured.unknownIds.length > 0) {
    notes.push(
      `check ids not in the rubric for this component (not scored): ${measured.unknownIds.join(', ')}`,
    );
  }
  if (attested.unknownIds.length > 0) {
    notes.push(
      `claim ids not in the rubric for this component (not scored): ${attested.unknownIds.join(', ')}`,
    );
  }
  if (attested.duplicateIds.length > 0) {
    notes.push(`duplicate claims ignored (first kept): ${attested.duplicateIds.join(', ')}`);
  }
  return notes;
}

/** Scores one component. No evidence at all gives `{ score: null, source: 'not-applicable' }`. */
export function scoreComponent(input: ComponentInput): ComponentScore {
  const { path, rubric } = input;
  const nullAggregation = rubric?.nullAggregation ?? 'exclude';
  const measured = scoreMeasured(rubric, input.checks, input.history ?? []);
  const hasMeasured = measured.evidence.length > 0;
  const claimsInRubric = input.claims.some((claim) => hasOwn(rubric?.attested, claim.id));
  const attested = scoreAttested(rubric, input.claims, input.asOf, hasMeasured || claimsInRubric);
  const problems = describeProblems(measured, attested);
  if (rubric === undefined) problems.unshift('the rubric has no entry for this component');

  const presentClaims = attested.verdicts.filter((verdict) => verdict.present);
  if (!hasMeasured && presentClaims.length === 0) {
    return {
      score: null,
      source: 'not-applicable',
      evidence: [],
      notes: ['no evidence', ...problems].join('; '),
      nullAggregation,
      capsApplied: [],
      unverified: [],
    };
  }

  const directScores = attested.verdicts.filter((verdict) => verdict.directScore !== null);
  const penaltyClaims = attested.verdicts.filter((verdict) => verdict.directScore === null);
  const hasBase = hasMeasured || penaltyClaims.length > 0;
  const penaltyOnly = 100 - measured.penalty - attested.penalty;
  // HTTP Observatory rule: bonuses only lift a score that is already at least 90 without them.
  const bonus = Math.round(penaltyOnly * 1e6) / 1e6 >= 90 ? measured.bonusPotential : 0;
  const base = clampScore(penaltyOnly + bonus);
  const parts = [...(hasBase ? [base] : []), ...directScores.map((verdict) => verdict.directScore ?? 0)];
  const caps = [...measured.caps, ...attested.caps];
  const capped = caps.reduce(
    (score, cap) => Math.min(score, cap.max),
    parts.reduce((a, b) => a + b, 0) / parts.length,
  );

  const notes: string[] = [];
  if (hasMeasured) notes.push(`${measured.passed} passed, ${measured.failed} failed check results`);
  if (bonus > 0) notes.push(`bonus +${roundScore(bonus)} (penalty-only score ≥ 90)`);
  if (directScores.length > 0 && hasBase) {
    const attestedScores = directScores.map((verdict) => `${verdict.id} ${verdict.directScore}`).join(', ');
    notes.push(
      `mean of ${hasMeasured ? 'measured' : 'penalty'} score ${roundScore(base)} and attested ${attestedScores}`,
    );
  }
  const verified = presentClaims.filter((verdict) => verdict.unverifiedReason === null);
  if (verified.length > 0) {
    const described = verified.map(
      (verdict) =>
        `${verdict.id} ${verdict.status}${verdict.directScore === null ? '' : ` (score ${verdict.directScore})`}`,
    );
    notes.push(`attested: ${described.join(', ')}`);
  }
  const unverified = attested.verdicts.filter((verdict) => verdict.unverifiedReason !== null);
  if (unverified.length > 0) {
    const reasons = unverified.map((verdict) => `${verdict.id} (${verdict.unverifiedReason})`).join(', ');
    notes.push(`could not verify, counted as partial: ${reasons}`);
  }
  notes.push(...problems);

  return {
    score: roundScore(clampScore(capped)),
    source: hasMeasured ? (presentClaims.length > 0 ? 'mixed' : 'measured') : 'attested',
    evidence: [...measured.evidence, ...presentClaims.map((verdict) => verdict.id)],
    notes: notes.join('; '),
    nullAggregation,
    capsApplied: caps.map((cap) => formatCap(path, cap)),
    unverified: unverified.map((verdict) => verdict.id),
  };
}
