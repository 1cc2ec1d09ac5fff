/** @module Row types of ReportData: display-ready values, so renderers only read. */
import type { CategoryId } from '../spec/scorecard.ts';
import type { ScoreTone } from './format.ts';

/** One run in the score history (newest last after sorting). */
export interface HistoryPoint {
  runId: string;
  startedAt: string;
  scores: Partial<Record<string, number | null>>;
}

export interface ScoreView {
  score: number | null;
  /** Integer string, or `--` when it could not be judged. */
  display: string;
  /** 0-100 for bar widths and dials; 0 for null. */
  percent: number;
  tone: ScoreTone;
}

export interface HeadlineRow extends ScoreView {
  /** Share of the category's weight judged, e.g. `80%`; empty when the scorecard has no coverage. */
  coverage: string;
  /** Null because evidence fell below the coverage floor. */
  insufficient: boolean;
  id: CategoryId;
  title: string;
  icon: string;
  question: string;
}

export interface ComponentRow extends ScoreView {
  path: string;
  label: string;
  source: string;
  /** `measured`, `attested`, `measured + attested` or `not judged`. */
  sourceLabel: string;
  evidenceCount: number;
  /** Share of the component's points judged, e.g. `75%`; `--` when the scorecard has no coverage. */
  coverage: string;
  /** Probe results behind the measured part, or `--`. */
  samples: string;
  /** Null because evidence fell below the coverage floor (shown as `--`, "insufficient evidence"). */
  insufficient: boolean;
  notes: string;
  caps: string[];
  unverified: string[];
  nullAggregation: string;
}

export interface CategorySection extends HeadlineRow {
  /** One line under the category: the scorer's note or a summary of its components. */
  note: string;
  components: ComponentRow[];
}

export interface EvidenceLink {
  label: string;
  /** `#probe-SUITE-PROBE`, or null when no result of that probe is in this run. */
  href: string | null;
}

export interface GotchaRow {
  title: string;
  detail: string;
  source: 'measured' | 'attested';
  links: EvidenceLink[];
  sourceUrl: string;
  sourceHref: string | null;
}

/** A profile gotcha every named probe of this run contradicted (ran and passed each time). */
export interface ContradictedRow {
  title: string;
  /** What the profile claimed. */
  claim: string;
  probes: { link: EvidenceLink; counts: string }[];
  sourceUrl: string;
  sourceHref: string | null;
}

export interface ExchangeView {
  /** `POST https://host/v1/chat/completions → 400`, or `--` when nothing was exchanged. */
  summary: string;
  /** At most 300 characters of the scrubbed body. */
  bodyExcerpt: string;
}

export interface FailedCheckRow {
  /** Anchor id set on the first row of each probe, so gotchas and checks can link here. */
  anchor: string | null;
  href: string;
  probeLabel: string;
  checkId: string;
  componentLabel: string;
  detail: string;
  status: string;
  exchange: ExchangeView;
}

export interface EvidenceRow {
  anchor: string;
  probeLabel: string;
  status: string;
  reason: string;
  exchange: ExchangeView;
}

export interface ClaimRow {
  id: string;
  criterion: string;
  componentLabel: string;
  /** Status as judged for this run: a stale claim reads `Unknown (stale)`. */
  statusLabel: string;
  tone: ScoreTone;
  quote: string;
  confidence: string;
  sourceUrl: string;
  sourceHref: string | null;
  effectiveDate: string;
  retrievedDate: string;
  reverifyBy: string;
  stale: boolean;
  freshnessLabel: string;
}

export interface MeasuredCheckRow {
  checkId: string;
  componentLabel: string;
  verdict: string;
  tone: ScoreTone;
  counts: string;
  detail: string;
  evidence: EvidenceLink | null;
}

export interface LatencyRow {
  metric: string;
  p50: string;
  p95: string;
  p99: string;
  samples: string;
}

export interface RateRow {
  metric: string;
  value: string;
  interval: string;
  samples: string;
}

export interface LabelValue {
  label: string;
  value: string;
}

export interface InterfaceRow {
  label: string;
  /** `Yes` when this run exercised it; else the profile's Yes/No, or `--`. */
  value: string;
  /** What the value rests on: `measured: N probe results`, `profile`, `not measured in this run`. */
  basis: string;
}

export interface ProfileView {
  bestWhen: string;
  avoidWhen: string;
  useCases: string[];
  notFor: string[];
  authentication: { methods: string; oauth: string; scopes: string; notes: string };
  pricing: { model: string; freeTier: string; requiresCreditCard: string; notes: string };
  agentMetadata: LabelValue[];
  sources: { title: string; url: string; href: string | null; retrieved: string }[];
}

export interface ChartRef {
  name: 'category-radar' | 'component-bars' | 'latency' | 'rates' | 'trend';
  /** Path relative to the run directory, e.g. `charts/latency.png`. */
  file: string;
  alt: string;
  width: number;
  height: number;
}

export interface CdfPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  components: { labels: string[]; values: (number | null)[]; colors: string[] };
  categories: { labels: string[]; values: (number | null)[]; colors: string[] };
  latency: { ttft: CdfPoint[]; e2e: CdfPoint[]; ttftSamples: number; e2eSamples: number };
  rates: { labels: string[]; values: (number | null)[] };
  trend: { labels: string[]; series: { label: string; color: string; values: (number | null)[] }[] } | null;
}
