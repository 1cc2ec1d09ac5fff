/** @module The scoring rubric (rubrics/*.yaml): the one check catalogue, weights, caps, facts and published scoring rules. */
import type { CategoryId, ComponentPath } from './scorecard.ts';

/** A named ceiling on a component score; the label names the failure that binds it. */
export interface RubricCap {
  max: number;
  /** Shown in `capsApplied`, e.g. "key echoed in a response". */
  label: string;
  /**
   * The cap binds only when the check's failure share is above this (0: any failure binds, for
   * failures that are fatal once, such as a key echoed). Defaults to `scoring.capFailShare`.
   */
  failShareAbove?: number;
}

/** What the rubric says about one check, measured or derived, and the gotcha shown when it fails. */
export interface RubricCheck {
  points: number;
  /** Short name of what the check verifies. */
  title: string;
  description: string;
  /** Gotcha title when the check fails (a real sentence about the API, not about the check). */
  gotcha: string;
  /** What an agent developer should do about it. */
  advice: string;
  cap?: RubricCap;
  /** Computed by the scorer from all results (no probe emits it). `validate` treats it as emitted. */
  derived?: boolean;
  /**
   * A request-answered check: its failure share also counts that share of the component's unjudged
   * checks as judged and failed, because a request that got no answer is evidence against everything
   * it was sent to show (an errored probe is evidence of unavailability, not silence).
   */
  gate?: boolean;
}

/** An attested fact a component reads from the target profile: its verdict earns a share of `points`. */
export interface RubricAttested {
  points: number;
  title: string;
  description: string;
  /** Gotcha title when the fact fails. */
  gotcha: string;
  advice: string;
  /** Binds when the fact fails, and when it cannot be verified (unknown, stale or absent). */
  cap?: RubricCap;
}

export interface RubricComponent {
  /** `zero`: a null component counts as 0 in its category; `exclude`: left out of the weighted mean. */
  nullAggregation: 'zero' | 'exclude';
  description: string;
  /** Checks by check id; absent or `{}` for components judged from attested facts only. */
  checks?: Record<string, RubricCheck>;
  attested?: Record<string, RubricAttested>;
}

export interface RubricCategory {
  /** Component id → weight; weights of one category sum to 1. */
  weights: Record<string, number>;
}

/** One band of a step mapping: a value at or better than `atLeast`/`atMost` earns `points`. */
export interface AvailabilityBand {
  /** Lowest success rate (0-1) that earns these points. */
  atLeast: number;
  points: number;
}

export interface LatencyBand {
  /** Highest latency (ms) that earns these points. */
  atMostMs: number;
  points: number;
}

/** Published rules that turn evidence into points (DESIGN §4); the README explains each. */
export interface RubricScoring {
  /** Below this share of judged points a component or category is null ("insufficient evidence"). */
  coverageFloor: number;
  /**
   * The same for a category (weight judged); defaults to `coverageFloor`. Lower, because a category
   * of a plain-http or undocumented target can never judge TLS or attested facts.
   */
  categoryCoverageFloor?: number;
  /** Share of a fact's points earned when it is unknown, stale or absent (never a pass). */
  unknownFactCredit: number;
  /** Share of a fact's points earned when it is partial. */
  partialFactCredit: number;
  /** Share of a check's points earned by a failure marked `partial` (e.g. P-PIIECHO: only the offending value echoed). */
  partialCheckCredit: number;
  /** A check's cap binds when its failure share is above this, unless the cap says otherwise. */
  capFailShare: number;
  /** Availability success rate → points, best band first (nines). */
  availabilityBands: AvailabilityBand[];
  /** `no-5xx-under-normal-load` fails when the 5xx/no-answer share of normal traffic is above this. */
  serverErrorShareAbove: number;
  /** Suites whose traffic loads the target on purpose: left out of normal traffic. */
  loadSuites: string[];
  /** Latency percentiles → points, best band first, per metric and percentile. */
  latencyBands: Record<'ttftMs' | 'e2eMs', Record<'p50' | 'p95', LatencyBand[]>>;
}

export interface Rubric {
  rubricVersion: string;
  scoring: RubricScoring;
  categories: Record<CategoryId, RubricCategory>;
  components: Partial<Record<ComponentPath, RubricComponent>>;
}
