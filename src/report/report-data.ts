/** @module ReportData: everything the renderers show, built purely from a run's files. */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { type AlternativeInput, type AlternativesView, alternativesView } from './alternatives-view.ts';
import { safeHref } from './anchors.ts';
import { chartRefs, chartSeries } from './chart-series.ts';
import { claimRow, measuredCheckRows } from './data-protection-view.ts';
import { DERIVED_LABEL, derivedProfileView } from './derived-profile-view.ts';
import { EvidenceLinker } from './evidence-linker.ts';
import { formatDate } from './format.ts';
import { contradictedRows, gotchaRows } from './gotcha-view.ts';
import { interfaceRows } from './interface-view.ts';
import { INCOMPLETE_BANNER, type MethodologyView, methodologyView } from './methodology-view.ts';
import { availabilityRows, jsonModeRows, latencyRows, toolCallRows } from './metrics-view.ts';
import { type PricingView, pricingView } from './pricing-view.ts';
import { NO_PROFILE_MESSAGE, profileView } from './profile-view.ts';
import type {
  CategorySection,
  ChartRef,
  ChartSeries,
  ClaimRow,
  ContradictedRow,
  EvidenceRow,
  FailedCheckRow,
  GotchaRow,
  HeadlineRow,
  HistoryPoint,
  InterfaceRow,
  LatencyRow,
  MeasuredCheckRow,
  ProfileView,
  RateRow,
  ScoreView,
} from './report-rows.ts';
import { type RoadmapRow, roadmapRows } from './roadmap-view.ts';
import { DEFAULT_FAILED_CHECK_LIMIT, scanResults } from './scan-results.ts';
import { categorySections, headlineRow, scoreView } from './score-views.ts';

export type { MethodologyView } from './methodology-view.ts';
export type * from './report-rows.ts';

export interface BuildReportDataInput {
  scorecard: Scorecard;
  results: Iterable<ProbeResult>;
  profile: TargetProfile | null;
  history?: HistoryPoint[];
  runDir: string;
  /** Failed-check rows listed before "… and N more" (default 200). */
  failedCheckLimit?: number;
  /** Other evaluated targets (a board, history): turns the Alternatives section on. */
  alternatives?: readonly AlternativeInput[];
}

export interface ReportData {
  header: {
    title: string;
    description: string;
    targetName: string;
    provider: string;
    baseUrl: string;
    model: string;
    evaluatedDate: string;
    homepage: string;
    homepageHref: string | null;
    tags: string[];
    runDir: string;
  };
  /** Text of the visible banner when the run is incomplete, else null. */
  incompleteBanner: string | null;
  /** When the run measured nothing valid: the sentence shown instead of any score dial. */
  invalidRun: string | null;
  /** Agent Friendliness, Security, Reliability: the seed page's three headline scores. */
  headline: HeadlineRow[];
  dataProtectionHeadline: HeadlineRow;
  categories: CategorySection[];
  profile: ProfileView | null;
  /** Set when the descriptive sections were derived from the run (no target profile). */
  profileDerived: string | null;
  noProfileMessage: string;
  /** The Pricing section's numbers (list price, run cost, agent-task cost); null without a cost on the scorecard. */
  pricing: PricingView | null;
  /** Measured for REST, SDK and MCP; the profile's word for the rest. */
  interfaces: InterfaceRow[];
  gotchas: GotchaRow[];
  /** Profile gotchas every named probe of this run contradicted: never shown as gotchas. */
  contradicted: ContradictedRow[];
  /** What to fix first: failing checks ranked by the headline points a fix gains. */
  roadmap: RoadmapRow[];
  /** The other known targets ranked and compared by component; null when none is known. */
  alternatives: AlternativesView | null;
  dataProtection: {
    score: ScoreView;
    note: string;
    components: CategorySection['components'];
    claims: ClaimRow[];
    measuredChecks: MeasuredCheckRow[];
  };
  latency: { samples: string; rows: LatencyRow[] };
  jsonMode: { samples: string; rows: RateRow[] };
  toolCalls: { samples: string; rows: RateRow[] };
  availability: { samples: string; rows: RateRow[] };
  failedChecks: { rows: FailedCheckRow[]; total: number; omitted: number; moreLine: string | null };
  /** Evidence of probes that gotchas or checks link to but that have no failed-check row above. */
  linkedEvidence: EvidenceRow[];
  methodology: MethodologyView;
  charts: { refs: ChartRef[]; byName: Partial<Record<ChartRef['name'], ChartRef>>; series: ChartSeries };
}

function header(scorecard: Scorecard, profile: TargetProfile | null, runDir: string): ReportData['header'] {
  const { target } = scorecard;
  return {
    title: profile?.title || target.name,
    description: profile?.description ?? '',
    targetName: target.name,
    provider: target.preset ? `${target.provider} (preset ${target.preset})` : target.provider,
    baseUrl: target.baseUrl,
    model: target.model,
    evaluatedDate: formatDate(scorecard.startedAt),
    homepage: profile?.homepage ?? '',
    homepageHref: safeHref(profile?.homepage),
    tags: profile?.tags ?? [],
    runDir,
  };
}

/** Older scorecards carry no validity and count as valid. */
function invalidRunMessage(scorecard: Scorecard): string | null {
  const { validity } = scorecard;
  if (!validity || validity.valid) return null;
  return (
    validity.message?.trim() ||
    `This run did not measure the target (${validity.reason ?? 'invalid run'}): no score is shown.`
  );
}

function chartsView(series: ChartSeries): ReportData['charts'] {
  const refs = chartRefs(series);
  return { refs, byName: Object.fromEntries(refs.map((ref) => [ref.name, ref])), series };
}

/** Build the report model in one pass over `results`; pure, no I/O or clock. */
export function buildReportData(input: BuildReportDataInput): ReportData {
  const { scorecard, profile } = input;
  const limit = input.failedCheckLimit ?? DEFAULT_FAILED_CHECK_LIMIT;
  const scan = scanResults(input.results, limit);
  const linker = new EvidenceLinker(scan);
  const categories = categorySections(scorecard);
  const mainCategories = categories.filter((category) => category.id !== 'dataProtection');
  const dataProtectionSection = categories.find((category) => category.id === 'dataProtection')!;
  const asOf = scorecard.finishedAt || scorecard.startedAt;
  const claims = (profile?.claims ?? []).map((claim) => ({ claim, row: claimRow(claim, asOf) }));
  const gotchas = gotchaRows(scorecard.gotchas, profile, linker);
  const contradicted = contradictedRows(scorecard.gotchas, profile, linker);
  const measuredChecks = measuredCheckRows(scan.dataProtectionChecks.values(), linker);
  const omitted = Math.max(0, scan.failedTotal - scan.failedRows.length);
  const series = chartSeries({
    scorecard,
    categories,
    ttftSamples: scan.ttftSamples,
    e2eSamples: scan.e2eSamples,
    runId: scan.runId,
    history: input.history ?? [],
  });
  const { metrics } = scorecard;
  return {
    header: header(scorecard, profile, input.runDir),
    incompleteBanner: scorecard.complete ? null : INCOMPLETE_BANNER,
    invalidRun: invalidRunMessage(scorecard),
    headline: mainCategories.map((category) => headlineRow(scorecard, category.id)),
    dataProtectionHeadline: headlineRow(scorecard, 'dataProtection'),
    categories: mainCategories,
    profile: profile ? profileView(profile) : derivedProfileView(scorecard, scan.checkVerdicts),
    profileDerived: profile ? null : DERIVED_LABEL,
    noProfileMessage: NO_PROFILE_MESSAGE,
    pricing: pricingView(scorecard.cost),
    interfaces: interfaceRows(scan.interfaces, profile, scorecard.openAiDropIn),
    gotchas,
    contradicted,
    roadmap: roadmapRows(scorecard.roadmap),
    alternatives: input.alternatives?.length ? alternativesView(scorecard, input.alternatives) : null,
    dataProtection: {
      score: scoreView(dataProtectionSection.score),
      note: dataProtectionSection.note,
      components: dataProtectionSection.components,
      claims: claims
        .filter(({ claim }) => claim.component.startsWith('dataProtection.'))
        .map(({ row }) => row),
      measuredChecks,
    },
    latency: { samples: String(metrics.latency.samples), rows: latencyRows(metrics.latency) },
    jsonMode: { samples: String(metrics.jsonMode.samples), rows: jsonModeRows(metrics.jsonMode) },
    toolCalls: { samples: String(metrics.toolCalls.samples), rows: toolCallRows(metrics.toolCalls) },
    availability: {
      samples: String(metrics.availability.samples),
      rows: availabilityRows(metrics.availability),
    },
    failedChecks: {
      rows: scan.failedRows,
      total: scan.failedTotal,
      omitted,
      moreLine: omitted > 0 ? `… and ${omitted} more failed checks (see results.jsonl)` : null,
    },
    linkedEvidence: linker.extraEvidence(),
    methodology: methodologyView({
      scorecard,
      categories,
      runId: scan.runId,
      resultLines: scan.total,
      reasons: scan.reasons,
      attestedClaims: claims
        .filter(({ claim }) => !claim.component.startsWith('dataProtection.'))
        .map(({ row }) => row),
    }),
    charts: chartsView(series),
  };
}
