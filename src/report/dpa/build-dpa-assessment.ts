/**
 * @module Builds the DPA assessment from a run's scorecard, results and target profile. Pure: the
 * same inputs give the same document, so it can be re-rendered offline and filed.
 */
import type { ProbeResult } from '../../spec/probe-result.ts';
import { resultKey } from '../../spec/result-key.ts';
import type { Scorecard } from '../../spec/scorecard.ts';
import type { AttestedClaim, TargetProfile } from '../../spec/target-profile.ts';
import { isStale } from '../data-protection-view.ts';
import type {
  Article28Entry,
  DpaAssessment,
  FactEntry,
  FactVerdict,
  MeasureEntry,
  PointVerdict,
  ResultRef,
  RiskEntry,
  VendorQuestion,
} from './dpa-assessment.ts';
import {
  ARTICLE_28_POINTS,
  DOCUMENTARY_CRITERIA,
  TESTED_MEASURES,
  type TestedMeasure,
} from './dpa-catalogue.ts';
import { processingDescribed } from './processing-described.ts';

export interface BuildDpaInput {
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  profile: TargetProfile | null;
  /** 1-based line in results.jsonl of each `suite/probe#repetition`. */
  resultLines?: ReadonlyMap<string, number>;
  /** Per measure id: since when it has held over stored runs (from history). */
  heldSince?: Readonly<Record<string, { since: string; runs: number }>>;
}

const EVIDENCE_LISTED = 3;

function factEntry(id: string, claim: AttestedClaim | undefined, asOf: string): FactEntry {
  const criterion = DOCUMENTARY_CRITERIA.find((candidate) => candidate.id === id);
  const stale = claim ? isStale(claim, asOf) : false;
  return {
    id,
    title: criterion?.title ?? claim?.criterion ?? id,
    articles: criterion?.articles ?? '',
    verdict: !claim || stale ? 'unknown' : claim.status,
    absent: !claim,
    stale,
    quote: claim?.quote ?? null,
    sourceUrl: claim?.sourceUrl ?? null,
    effectiveDate: claim?.effectiveDate ?? null,
    retrievedDate: claim?.retrievedDate ?? null,
    reverifyBy: claim?.reverifyBy ?? null,
    confidence: claim?.confidence ?? null,
  };
}

function measureEntry(measure: TestedMeasure, input: BuildDpaInput, measurable: boolean): MeasureEntry {
  const counts = { passed: 0, partial: 0, failed: 0 };
  const judging: ResultRef[] = [];
  for (const result of input.results) {
    const checks = result.checks.filter(
      (check) => measure.checks.includes(check.id) && check.passed !== null,
    );
    if (!measurable || checks.length === 0) continue;
    for (const check of checks) {
      if (check.passed) counts.passed += 1;
      else if (check.partial) counts.partial += 1;
      else counts.failed += 1;
    }
    const worst = checks.find((check) => check.passed === false) ?? checks[0];
    judging.push({
      probe: resultKey(result),
      line: input.resultLines?.get(resultKey(result)) ?? null,
      status: result.status,
      date: result.timings.startedAt,
      detail: worst ? `${worst.id}: ${worst.detail}` : '',
    });
  }
  // Failures first: a DPO reads the evidence against the measure before the evidence for it.
  judging.sort((left, right) => Number(right.status === 'failed') - Number(left.status === 'failed'));
  const verdict =
    counts.failed > 0
      ? 'failed'
      : counts.partial > 0
        ? 'partially met'
        : counts.passed > 0
          ? 'verified'
          : 'not tested';
  return {
    id: measure.id,
    title: measure.title,
    articles: measure.articles,
    verdict,
    counts,
    evidence: judging.slice(0, EVIDENCE_LISTED),
    moreEvidence: Math.max(0, judging.length - EVIDENCE_LISTED),
    heldSince: verdict === 'verified' ? (input.heldSince?.[measure.id] ?? null) : null,
  };
}

const FACT_RANK: Record<FactVerdict, number> = { fail: 0, partial: 1, unknown: 2, pass: 3 };
const MEASURE_RANK: Record<MeasureEntry['verdict'], number> = {
  failed: 0,
  'partially met': 1,
  'not tested': 2,
  verified: 3,
};
const POINT_BY_RANK: PointVerdict[] = ['not met', 'partly met', 'unknown', 'met'];

function article28(facts: FactEntry[], measures: MeasureEntry[]): Article28Entry[] {
  return ARTICLE_28_POINTS.map((point) => {
    const pointFacts = point.facts.map((id) => facts.find((fact) => fact.id === id)).filter((fact) => !!fact);
    const pointMeasures = point.measures
      .map((id) => measures.find((measure) => measure.id === id))
      .filter((measure) => !!measure);
    const ranks = [
      ...pointFacts.map((fact) => FACT_RANK[fact.verdict]),
      ...pointMeasures.map((measure) => MEASURE_RANK[measure.verdict]),
    ];
    return {
      letter: point.letter,
      requirement: point.requirement,
      verdict: POINT_BY_RANK[Math.min(...ranks)] ?? 'unknown',
      basis: [
        ...pointFacts.map(
          (fact) => `${fact.id}: ${fact.absent ? 'no fact on file' : fact.stale ? 'stale' : fact.verdict}`,
        ),
        ...pointMeasures.map((measure) => `${measure.id}: ${measure.verdict}`),
      ],
    };
  });
}

function questions(facts: FactEntry[], measures: MeasureEntry[]): VendorQuestion[] {
  const asked: VendorQuestion[] = [];
  for (const fact of facts) {
    if (fact.verdict !== 'unknown') continue;
    const criterion = DOCUMENTARY_CRITERIA.find((candidate) => candidate.id === fact.id);
    if (!criterion) continue;
    const because = fact.absent ? 'absent' : fact.stale ? 'stale' : 'unknown';
    asked.push({ about: fact.id, articles: criterion.articles, text: criterion.question, because });
  }
  for (const measure of measures) {
    if (measure.verdict !== 'not tested') continue;
    const tested = TESTED_MEASURES.find((candidate) => candidate.id === measure.id);
    if (tested)
      asked.push({
        about: measure.id,
        articles: tested.articles,
        text: tested.question,
        because: 'not tested',
      });
  }
  return asked;
}

function risks(facts: FactEntry[], measures: MeasureEntry[]): RiskEntry[] {
  const found: RiskEntry[] = [];
  for (const measure of measures) {
    if (measure.verdict !== 'failed' && measure.verdict !== 'partially met') continue;
    const tested = TESTED_MEASURES.find((candidate) => candidate.id === measure.id);
    const first = measure.evidence[0];
    if (!tested || !first) continue;
    found.push({
      risk: tested.risk,
      evidence: first.detail,
      ref: first.line === null ? first.probe : `results.jsonl line ${first.line} (${first.probe})`,
      measure: tested.measure,
    });
  }
  for (const fact of facts) {
    if (fact.verdict !== 'fail' && fact.verdict !== 'partial') continue;
    const criterion = DOCUMENTARY_CRITERIA.find((candidate) => candidate.id === fact.id);
    if (!criterion) continue;
    found.push({
      risk: `${criterion.title}: ${fact.verdict === 'fail' ? 'not met' : 'only partly met'} by the provider's documents.`,
      evidence: fact.quote ?? '',
      ref: `${fact.id} (${fact.sourceUrl ?? 'no source'})`,
      measure: criterion.measure,
    });
  }
  return found;
}

export function buildDpaAssessment(input: BuildDpaInput): DpaAssessment {
  const { scorecard, profile } = input;
  const asOf = scorecard.finishedAt || scorecard.startedAt;
  const claims = new Map((profile?.claims ?? []).map((claim) => [claim.id, claim]));
  const facts = DOCUMENTARY_CRITERIA.map((criterion) =>
    factEntry(criterion.id, claims.get(criterion.id), asOf),
  );
  const invalid = scorecard.validity?.valid === false;
  const measures = TESTED_MEASURES.map((measure) => measureEntry(measure, input, !invalid));
  return {
    target: {
      name: scorecard.target.name,
      provider: scorecard.target.provider,
      baseUrl: scorecard.target.baseUrl,
      model: scorecard.target.model,
      host: scorecard.target.contacted?.host ?? null,
      addresses: scorecard.target.contacted?.addresses ?? [],
    },
    run: {
      startedAt: scorecard.startedAt,
      finishedAt: scorecard.finishedAt,
      harnessVersion: scorecard.harnessVersion,
      rubricVersion: scorecard.rubricVersion,
      rubric: scorecard.inputs
        ? `${scorecard.inputs.rubric.name} (sha256 ${scorecard.inputs.rubric.sha256.slice(0, 12)})`
        : null,
      profile: scorecard.inputs?.profile
        ? `${scorecard.inputs.profile.name} (sha256 ${scorecard.inputs.profile.sha256.slice(0, 12)})`
        : (profile?.name ?? null),
      complete: scorecard.complete,
      invalidReason: invalid
        ? (scorecard.validity?.message ?? scorecard.validity?.reason ?? 'not measured')
        : null,
    },
    processing: processingDescribed(scorecard, input.results),
    article28: article28(facts, measures),
    facts,
    measures,
    questions: questions(facts, measures),
    risks: risks(facts, measures),
  };
}
