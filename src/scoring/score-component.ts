/** @module Scores one scorecard component from its checks and attested facts, with coverage (DESIGN.md §4). */
import type { CheckResult, HistoryEvidence } from '../spec/probe-result.ts';
import type { RubricCap, RubricComponent, RubricScoring } from '../spec/rubric.ts';
import type { ComponentPath, ComponentScore, Coverage } from '../spec/scorecard.ts';
import type { AttestedClaim } from '../spec/target-profile.ts';
import { type ClaimVerdict, judgeClaim } from './attested-evidence.ts';
import { type CheckEvidence, measuredEvidence, tallyChecks } from './check-evidence.ts';
import { clampScore, roundScore } from './round-score.ts';

export interface ComponentInput {
  path: ComponentPath;
  /** The rubric entry; undefined when the rubric does not know the component. */
  rubric: RubricComponent | undefined;
  scoring: RubricScoring;
  /** Check results routed to this component. */
  checks: readonly CheckResult[];
  /** Evidence of this component's derived checks, computed from all results. */
  derived?: ReadonlyMap<string, CheckEvidence>;
  /** Profile facts for this component. */
  claims: readonly AttestedClaim[];
  /** ISO date the facts' freshness is judged against. */
  asOf: string;
  /** Tallies from earlier stored runs for this component. */
  history?: readonly HistoryEvidence[];
}

function ownEntries<T>(record: Record<string, T> | undefined): [string, T][] {
  return record === undefined ? [] : Object.entries(record);
}

function hasOwn(record: Record<string, unknown> | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

function formatCap(path: ComponentPath, cap: RubricCap, suffix = ''): string {
  return `${cap.label}${suffix} → ${path.split('.')[1]} ≤ ${cap.max}`;
}

function formatShare(value: number): string {
  return `${Math.round(value * 100)} %`;
}

interface Tally {
  /** Points earned. */
  earned: number;
  /** Points the component could be judged on: checks with verdicts plus every fact. */
  available: number;
  /** Points judged by measurement or a verified fact. */
  judged: number;
  /** Points the rubric publishes for the component. */
  total: number;
  samples: number;
  caps: { max: number; text: string }[];
  evidence: string[];
  measured: CheckEvidence[];
  facts: ClaimVerdict[];
  notes: string[];
}

function tallyMeasured(input: ComponentInput, tally: Tally): void {
  const tallies = tallyChecks(input.checks);
  for (const history of input.history ?? []) {
    const previous = tallies.get(history.check) ?? { passed: 0, failed: 0, partial: 0, lost: 0 };
    tallies.set(history.check, {
      passed: previous.passed + history.passed,
      failed: previous.failed + history.failed,
      partial: previous.partial,
      lost: previous.lost,
    });
  }
  for (const [id, rule] of ownEntries(input.rubric?.checks)) {
    tally.total += rule.points;
    const evidence = rule.derived
      ? input.derived?.get(id)
      : measuredEvidence(id, tallies.get(id), input.scoring);
    if (evidence === undefined || evidence === null) continue;
    tally.measured.push(evidence);
    tally.evidence.push(id);
    tally.earned += rule.points * evidence.credit;
    tally.available += rule.points;
    tally.judged += rule.points;
    tally.samples += evidence.samples;
    const threshold = rule.cap?.failShareAbove ?? input.scoring.capFailShare;
    if (rule.cap !== undefined && evidence.failShare > threshold) {
      tally.caps.push({ max: rule.cap.max, text: formatCap(input.path, rule.cap) });
    }
  }
  countUnansweredAsFailed(input, tally);
  const strays = [...tallies.keys()].filter((id) => !hasOwn(input.rubric?.checks, id)).sort();
  if (strays.length > 0) {
    tally.notes.push(`check ids not in the rubric for this component (not scored): ${strays.join(', ')}`);
  }
}

/**
 * Gate checks (request answered): their failure share of the checks nobody could judge counts as
 * judged and failed, so timeouts and resets lower a component instead of emptying it.
 */
function countUnansweredAsFailed(input: ComponentInput, tally: Tally): void {
  const checks = ownEntries(input.rubric?.checks);
  const judged = new Set(tally.measured.map((evidence) => evidence.id));
  const unjudgedPoints = checks
    .filter(([id]) => !judged.has(id))
    .reduce((sum, [, rule]) => sum + rule.points, 0);
  const failShare = Math.max(
    0,
    ...checks
      .filter(([id, rule]) => rule.gate === true && judged.has(id))
      .map(([id]) => tally.measured.find((evidence) => evidence.id === id)?.failShare ?? 0),
  );
  if (failShare === 0 || unjudgedPoints === 0) return;
  const failedPoints = unjudgedPoints * failShare;
  tally.available += failedPoints;
  tally.judged += failedPoints;
  tally.notes.push(
    `${Math.round(failedPoints)} points of checks no answer could show counted as failed (${formatShare(failShare)} of requests unanswered)`,
  );
}

function tallyFacts(input: ComponentInput, tally: Tally): void {
  const byId = new Map<string, AttestedClaim>();
  const strays: string[] = [];
  const duplicates: string[] = [];
  for (const claim of input.claims) {
    if (!hasOwn(input.rubric?.attested, claim.id)) strays.push(claim.id);
    else if (byId.has(claim.id)) duplicates.push(claim.id);
    else byId.set(claim.id, claim);
  }
  for (const [id, rule] of ownEntries(input.rubric?.attested)) {
    const verdict = judgeClaim(id, byId.get(id), input.asOf, input.scoring);
    tally.facts.push(verdict);
    tally.total += rule.points;
    // Every fact counts in the denominator: an unknown one earns only the published unknown credit.
    tally.available += rule.points;
    tally.earned += rule.points * verdict.credit;
    if (verdict.unverifiedReason === null) {
      tally.judged += rule.points;
      tally.evidence.push(id);
    }
    // A fact that cannot be verified binds its cap too: otherwise a missing profile would lift it.
    if (rule.cap !== undefined && (verdict.verdict === 'fail' || verdict.verdict === 'unknown')) {
      const suffix = verdict.verdict === 'unknown' ? ' (not verified)' : '';
      tally.caps.push({ max: rule.cap.max, text: formatCap(input.path, rule.cap, suffix) });
    }
  }
  if (strays.length > 0) {
    tally.notes.push(
      `fact ids not in the rubric for this component (not scored): ${strays.sort().join(', ')}`,
    );
  }
  if (duplicates.length > 0)
    tally.notes.push(`duplicate facts ignored (first kept): ${duplicates.join(', ')}`);
}

function coverageOf(tally: Tally): Coverage {
  return {
    judged: tally.judged,
    total: tally.total,
    share: tally.total === 0 ? 0 : tally.judged / tally.total,
    samples: tally.samples,
  };
}

/**
 * Scores one component: points earned over points judged-or-attested, bounded by caps. Null when
 * nothing was judged, or when coverage is below the rubric's floor ("insufficient evidence").
 */
export function scoreComponent(input: ComponentInput): ComponentScore {
  const { rubric } = input;
  const tally: Tally = {
    earned: 0,
    available: 0,
    judged: 0,
    total: 0,
    samples: 0,
    caps: [],
    evidence: [],
    measured: [],
    facts: [],
    notes: [],
  };
  if (rubric === undefined) tally.notes.push('the rubric has no entry for this component');
  tallyMeasured(input, tally);
  tallyFacts(input, tally);
  const coverage = coverageOf(tally);
  const unverified = tally.facts.filter((fact) => fact.unverifiedReason !== null);
  const verified = tally.facts.filter((fact) => fact.unverifiedReason === null);
  const hasMeasured = tally.measured.length > 0;
  const base = {
    evidence: tally.evidence,
    nullAggregation: rubric?.nullAggregation ?? 'exclude',
    unverified: unverified.map((fact) => fact.id),
    coverage,
  } as const;

  const notes: string[] = [];
  if (hasMeasured) {
    const failed = tally.measured.reduce((sum, check) => sum + check.failed, 0);
    notes.push(`${tally.measured.length} checks judged from ${tally.samples} samples, ${failed} failed`);
  }
  if (verified.length > 0)
    notes.push(`facts: ${verified.map((fact) => `${fact.id} ${fact.verdict}`).join(', ')}`);
  if (unverified.length > 0) {
    notes.push(
      `could not verify (earns ${formatShare(input.scoring.unknownFactCredit)}): ${unverified.map((fact) => `${fact.id} (${fact.unverifiedReason})`).join(', ')}`,
    );
  }
  notes.push(`coverage ${formatShare(coverage.share)} of ${tally.total} points`);
  notes.push(...tally.notes);

  if (tally.judged === 0) {
    return {
      score: null,
      source: 'not-applicable',
      ...base,
      notes: ['no evidence', ...notes].join('; '),
      capsApplied: [],
    };
  }
  if (coverage.share < input.scoring.coverageFloor) {
    return {
      score: null,
      source: hasMeasured ? (verified.length > 0 ? 'mixed' : 'measured') : 'attested',
      ...base,
      notes: [
        `insufficient evidence (coverage below ${formatShare(input.scoring.coverageFloor)})`,
        ...notes,
      ].join('; '),
      capsApplied: [],
    };
  }
  const raw = (100 * tally.earned) / tally.available;
  const binding = tally.caps.filter((cap) => cap.max < 100);
  const capped = binding.reduce((score, cap) => Math.min(score, cap.max), raw);
  return {
    score: roundScore(clampScore(capped)),
    source: hasMeasured ? (verified.length > 0 ? 'mixed' : 'measured') : 'attested',
    ...base,
    notes: notes.join('; '),
    capsApplied: binding.map((cap) => cap.text),
  };
}
