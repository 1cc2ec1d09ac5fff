/** @module The vendor assessment a DPO files: its data, built purely from a run (see build-dpa-assessment). */

export type FactVerdict = 'pass' | 'partial' | 'fail' | 'unknown';
export type MeasureVerdict = 'verified' | 'partially met' | 'failed' | 'not tested';
export type PointVerdict = 'met' | 'partly met' | 'not met' | 'unknown';

/** Where a statement comes from: one line of results.jsonl. */
export interface ResultRef {
  /** `suite/probe#repetition`. */
  probe: string;
  /** 1-based line in results.jsonl, or null when the line could not be located. */
  line: number | null;
  status: string;
  /** When the probe ran (ISO). */
  date: string;
  detail: string;
}

export interface FactEntry {
  id: string;
  title: string;
  articles: string;
  verdict: FactVerdict;
  /** The profile holds no fact for this criterion. */
  absent: boolean;
  stale: boolean;
  quote: string | null;
  sourceUrl: string | null;
  effectiveDate: string | null;
  retrievedDate: string | null;
  reverifyBy: string | null;
  confidence: string | null;
}

export interface MeasureEntry {
  id: string;
  title: string;
  articles: string;
  verdict: MeasureVerdict;
  counts: { passed: number; partial: number; failed: number };
  /** The results that judged it (first few). */
  evidence: ResultRef[];
  /** More judging results than listed. */
  moreEvidence: number;
  /** Stored runs in which the measure held without a break up to this run, when history is known. */
  heldSince: { since: string; runs: number } | null;
}

export interface Article28Entry {
  letter: string;
  requirement: string;
  verdict: PointVerdict;
  /** e.g. `D-DPA: pass`, `erasure: verified`. */
  basis: string[];
}

export interface VendorQuestion {
  about: string;
  articles: string;
  text: string;
  /** Why it is asked: the fact is unknown, stale, absent, or the measure was not tested. */
  because: 'unknown' | 'stale' | 'absent' | 'not tested';
}

export interface RiskEntry {
  risk: string;
  evidence: string;
  /** The result line or the fact the risk rests on. */
  ref: string;
  measure: string;
}

export interface DpaAssessment {
  target: {
    name: string;
    provider: string;
    baseUrl: string;
    model: string;
    host: string | null;
    addresses: string[];
  };
  run: {
    startedAt: string;
    finishedAt: string;
    harnessVersion: string;
    rubricVersion: string;
    rubric: string | null;
    profile: string | null;
    complete: boolean;
    /** Set when the run could not measure the target: nothing below was verified by test. */
    invalidReason: string | null;
  };
  processing: {
    endpoints: string[];
    models: string[];
    dataCategories: string[];
    /** Regional endpoints the provider documents, as called in this run (host: answer). */
    regional: string[];
  };
  article28: Article28Entry[];
  facts: FactEntry[];
  measures: MeasureEntry[];
  questions: VendorQuestion[];
  risks: RiskEntry[];
}
