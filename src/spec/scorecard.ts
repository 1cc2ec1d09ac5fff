/** @module The scorecard.json contract (DESIGN.md §3), schemaVersion 1. */

export const SCORECARD_SCHEMA_VERSION = 1;

export const CATEGORY_COMPONENTS = {
  agentFriendliness: [
    'mcpQuality',
    'documentation',
    'errorMessages',
    'authSimplicity',
    'rateLimits',
    'toolUse',
    'structuredOutput',
  ],
  security: ['tlsEnforcement', 'authStrength', 'scopeGranularity', 'dependencyHygiene', 'secretHandling'],
  reliability: ['uptimeSla', 'versionStability', 'breakingChanges', 'errorRecovery', 'latency'],
  dataProtection: [
    'dataResidency',
    'retentionAndDeletion',
    'dataMinimisation',
    'processorTerms',
    'trainingUse',
  ],
} as const;

export type CategoryId = keyof typeof CATEGORY_COMPONENTS;
export type ComponentId<C extends CategoryId = CategoryId> = (typeof CATEGORY_COMPONENTS)[C][number];
/** `category.component`, e.g. `security.authStrength`. */
export type ComponentPath = { [C in CategoryId]: `${C}.${ComponentId<C>}` }[CategoryId];

export const CATEGORY_IDS = Object.keys(CATEGORY_COMPONENTS) as CategoryId[];

export function allComponentPaths(): ComponentPath[] {
  return CATEGORY_IDS.flatMap((category) =>
    CATEGORY_COMPONENTS[category].map((component) => `${category}.${component}` as ComponentPath),
  );
}

export type ComponentSource = 'measured' | 'attested' | 'mixed' | 'not-applicable';

export interface ComponentScore {
  score: number | null;
  source: ComponentSource;
  /** Check ids and attested claim ids this score came from. */
  evidence: string[];
  notes: string;
  /** How a null aggregates into the category: counted as 0, or left out with weights renormalised. */
  nullAggregation?: 'zero' | 'exclude';
  /** Named caps that bound this score, e.g. "key echoed in an error body → ≤ 20". */
  capsApplied?: string[];
  /** Checks whose evidence was missing or stale ("could not verify"). */
  unverified?: string[];
  /** How much of the component's published points were judged (measured or attested). */
  coverage?: Coverage;
}

/** Share of a component's or category's points that evidence judged (DESIGN §4 "Coverage"). */
export interface Coverage {
  /** Points (or, for a category, weight) judged by measurement or attested fact. */
  judged: number;
  /** Points (or weight) the rubric publishes for it. */
  total: number;
  /** judged / total, 0-1. */
  share: number;
  /** Probe results behind the measured part. */
  samples: number;
}

/** A rate as evidence: numerator, denominator and a 95 % Wilson interval (DESIGN §4). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
  low: number | null;
  high: number | null;
}

/** Whether the run measured the target at all; when not, every score is null (DESIGN §3). */
export interface RunValidity {
  valid: boolean;
  /** Typed reason when not valid. */
  reason?: 'unreachable' | 'key-rejected' | 'no-probes' | 'all-errored' | 'wrong-base-url' | 'model-unknown';
  /** One sentence a user can act on. */
  message?: string;
}

/** Name and content hash of an input that produced the scorecard (rubric, target profile). */
export interface ScoringInput {
  name: string;
  sha256: string;
}

export interface CategoryScore {
  score: number | null;
  components: Record<string, ComponentScore | null>;
  notes?: string;
  /** Share of the category's weight whose components had enough evidence to be judged. */
  coverage?: Coverage;
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Values the percentiles were taken from (a streaming-only metric has fewer than `latency.samples`). */
  samples?: number;
}

export interface Scorecard {
  schemaVersion: typeof SCORECARD_SCHEMA_VERSION;
  harnessVersion: string;
  rubricVersion: string;
  startedAt: string;
  finishedAt: string;
  complete: boolean;
  target: {
    name: string;
    provider: string;
    baseUrl: string;
    model: string;
    /** The host actually contacted and the addresses it resolved to at run start (data residency hint). */
    contacted?: ContactedHost;
    /** The provider preset the target came from (presets/ID.yaml). */
    preset?: string;
  };
  /** Whether the API drops in as an OpenAI SDK base URL, when the openai-sdk suite ran. */
  openAiDropIn?: { verdict: 'yes' | 'partly' | 'no'; reasons: string[] };
  scores: Record<CategoryId, CategoryScore>;
  metrics: {
    latency: {
      samples: number;
      notes?: string;
      ttftMs: Percentiles;
      ttfbMs: Percentiles;
      e2eMs: Percentiles;
      interTokenMs: Percentiles;
      outputTokensPerSecond: Percentiles;
    };
    jsonMode: {
      samples: number;
      declaredCoverage: number | null;
      validRate: number | null;
      schemaValidRate: number | null;
      /** Denominator of `validRate` (responses whose request was accepted). */
      accepted?: number;
      /** Denominator of `schemaValidRate` (responses checked against a schema). */
      schemaChecked?: number;
      /** Confidence remarks, e.g. too few samples. */
      notes?: string;
      /** `validRate` as a rate with its 95 % Wilson interval. */
      validRateCi?: Rate;
      /** `schemaValidRate` as a rate with its 95 % Wilson interval. */
      schemaValidRateCi?: Rate;
    };
    toolCalls: {
      samples: number;
      forcedCallRate: number | null;
      validArgumentsRate: number | null;
      repeatedCallRate: number | null;
      /** Denominator of `forcedCallRate` (conversations that forced a tool call). */
      forced?: number;
      /** Denominator of `validArgumentsRate` and `repeatedCallRate` (tool calls made). */
      calls?: number;
      notes?: string;
      forcedCallRateCi?: Rate;
      validArgumentsRateCi?: Rate;
      repeatedCallRateCi?: Rate;
      /** Agent-loop conversations that hit the max-iterations guard, over agent-loop conversations. */
      loopGuardRateCi?: Rate;
    };
    availability: {
      samples: number;
      successRate: number | null;
      notes?: string;
      /** `successRate` with its 95 % Wilson interval ("observed during this run" unless history adds more). */
      successRateCi?: Rate;
      /** 5xx or unanswered exchanges over all normal-traffic exchanges (load-testing suites left out). */
      serverErrorRateCi?: Rate;
    };
  };
  probes: { total: number; passed: number; failed: number; errored: number; skipped: number };
  gotchas: Gotcha[];
  /** Failing checks ranked by the headline points fixing each would gain (re-scored exactly). */
  roadmap?: RoadmapItem[];
  /** Problems met while scoring that belong to no component (e.g. a check naming an unknown component). */
  scoringNotes?: string[];
  /** Absent on older scorecards (treated as valid); when `valid` is false every score is null. */
  validity?: RunValidity;
  /** The rubric and target profile that produced this scorecard. */
  inputs?: { rubric: ScoringInput; profile: ScoringInput | null };
  /** Tokens this run used and, at the profile's attested prices, what it and a typical agent task cost. */
  cost?: RunCost;
}

/** A model's price as an attested fact of the target profile. */
export interface AttestedPrice {
  /** ISO 4217 code, e.g. `EUR` or `USD`. */
  currency: string;
  inputPerMillion: number;
  outputPerMillion: number;
  /** Share taken off by the batch API (0.5 = 50 %), null when none is documented. */
  batchDiscount: number | null;
  /** When the price was read (YYYY-MM-DD). */
  asOf: string;
  source: string;
}

/** What a run used and cost; prices come only from the profile, never from guesses. */
export interface RunCost {
  model: string;
  /** Null when the profile attests no price for the model: tokens are still counted, costs are null. */
  price: AttestedPrice | null;
  /** Tokens the target reported in `usage`; exchanges without usage are counted in `unmetered`. */
  tokens: { input: number; output: number; exchangesWithUsage: number; unmetered: number };
  /** Cost of this run's metered tokens in `price.currency`; null without a price. */
  runCost: number | null;
  /** A typical agent task, measured from the agent-loop probes' usage; null when none ran. */
  agentTask: {
    samples: number;
    meanInputTokens: number;
    meanOutputTokens: number;
    /** Cost of 1,000 such tasks in `price.currency`; null without a price. */
    costPer1k: number | null;
  } | null;
}

export interface Gotcha {
  title: string;
  detail: string;
  probeIds: string[];
  source: 'measured' | 'attested';
}

export interface ContactedHost {
  host: string;
  addresses: string[];
}

/** One step of the improvement roadmap: a failing check and what fixing it is worth. */
export interface RoadmapItem {
  checkId: string;
  /** Components the check feeds, e.g. `security.secretHandling`. */
  components: string[];
  /** Headline points gained per category if every failure of the check passed. */
  gains: Partial<Record<CategoryId, number>>;
  /** Sum of the category gains: the ranking key. */
  totalGain: number;
  /** Results that failed it: `suite/probe#repetition`. */
  failedIn: string[];
  /** First failure's detail, as evidence. */
  evidence: string;
  /** What the rubric advises, when it says. */
  advice: string | null;
}
