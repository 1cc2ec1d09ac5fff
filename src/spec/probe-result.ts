/** @module The ProbeResult: one line of results.jsonl, the unit of evidence every later stage reads. */
import type { ComponentPath } from './scorecard.ts';

export const RESULT_SCHEMA_VERSION = 1;

export type ProbeStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/** Why a probe errored or was skipped. Typed so reports and scoring can tell causes apart. */
export type FailureReason =
  | 'timeout'
  | 'connection-reset'
  | 'connection-refused'
  | 'truncated-body'
  | 'invalid-json'
  | 'invalid-sse'
  | 'invalid-utf8'
  | 'body-too-large'
  | 'throttled'
  | 'not-supported'
  | 'not-applicable'
  | 'opt-in'
  | 'budget-exhausted'
  | 'interrupted'
  | 'internal-error';

/** Reasons that say the target answered badly or not at all: evidence of unavailability, not silence. */
export const TARGET_FAILURE_REASONS: readonly FailureReason[] = [
  'timeout',
  'connection-reset',
  'connection-refused',
  'truncated-body',
  'invalid-json',
  'invalid-sse',
  'invalid-utf8',
  'body-too-large',
];

/** One assertion's verdict. `feeds` routes it to a scorecard component; the rubric gives it weight. */
export interface CheckResult {
  /** Rubric check id, e.g. `unauthenticated-rejected`. Several probes may feed the same check. */
  id: string;
  /** Component this check feeds, e.g. `security.authStrength`; null when it only informs. */
  component: ComponentPath | null;
  /** true pass, false fail, null not applicable (never counts either way). */
  passed: boolean | null;
  /**
   * With `passed: false`: the failure is partial (e.g. gdpr-criteria P-PIIECHO: only the offending
   * value is echoed), and the rubric's partial credit applies instead of a full failure.
   */
  partial?: boolean;
  /** Human-readable why, safe to show (already scrubbed). */
  detail: string;
}

/** What one HTTP exchange looked like, scrubbed of secrets before it is stored. */
export interface ExchangeEvidence {
  method: string;
  url: string;
  status: number | null;
  headers: Record<string, string>;
  /** First bytes of the body as text (scrubbed, truncated). */
  bodyExcerpt: string;
  bodyBytes: number;
  /** Envelope family the error body was classified into, when it is an error. */
  envelope?: string;
  /** The request carried the run's real key (absent: it did not, or it is not known). */
  sentRealKey?: boolean;
}

/** Timings in milliseconds from a monotonic clock, per attempt (a throttle wait is never inside). */
export interface ProbeTimings {
  startedAt: string;
  durationMs: number;
  ttfbMs?: number;
  ttftMs?: number;
  e2eMs?: number;
  interTokenMs?: number;
  outputTokens?: number;
  outputTokensPerSecond?: number;
  throttledWaitMs?: number;
}

/** Tokens a target reported in `usage` blocks; answers that should carry one but did not are `unmetered`. */
export interface TokenUsage {
  input: number;
  output: number;
  exchangesWithUsage: number;
  unmetered: number;
}

/** Numbers a probe measured that feed scorecard metrics (rates are recomputed from these). */
export interface ProbeMeasurements {
  /** Tokens this probe's exchanges used, as the target reported them (absent: none was token-bearing). */
  usage?: TokenUsage;
  jsonMode?: { accepted: boolean; valid: boolean; schemaValid: boolean | null; failureForm?: string };
  toolCalls?: {
    forced: boolean;
    forcedCallMade?: boolean;
    calls: number;
    validArguments: number;
    repeatedCalls: number;
    iterations?: number;
    hitGuard?: boolean;
  };
  latency?: boolean;
  /** Response-shape fingerprint: sorted field paths with types, for breaking-change diffs. */
  shapeFingerprint?: string[];
  servedModel?: string;
  requestedModel?: string;
  [key: string]: unknown;
}

export interface ProbeResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  runId: string;
  suite: string;
  probe: string;
  /** Probe kind, e.g. `http`, `chat-stream`, `tool-loop`. */
  kind: string;
  /** 1-based repetition index from the suite's `repeat`. */
  repetition: number;
  /** 1-based attempt (retries after throttling increase it). */
  attempt: number;
  status: ProbeStatus;
  reason: FailureReason | null;
  /** Free text beside the typed reason (scrubbed). */
  reasonDetail?: string;
  checks: CheckResult[];
  timings: ProbeTimings;
  measurements: ProbeMeasurements;
  evidence: ExchangeEvidence[];
}

/** A check's verdicts over earlier stored runs (history), e.g. availability over the last 30 runs. */
export interface HistoryEvidence {
  component: ComponentPath;
  check: string;
  passed: number;
  failed: number;
  runs: number;
}
