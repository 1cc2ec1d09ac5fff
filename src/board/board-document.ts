/**
 * @module board.json: one row per target built purely from its latest scorecard, its profile's
 * facts and the date the board is made (passed in), so the same inputs give the same board.
 */
import { CATEGORY_COMPONENTS, CATEGORY_IDS, type CategoryId, type Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { runAgeDays, type StaleFact, staleFacts } from './stale-facts.ts';

export const BOARD_SCHEMA_VERSION = 1;

/** A target's run older than this many days is marked stale (the nightly job re-runs it). */
export const DEFAULT_STALE_AFTER_DAYS = 30;

/** One evaluated target as the board reads it. */
export interface BoardEntry {
  scorecard: Scorecard;
  /** The run folder, when the run has one on this machine. */
  runDir: string | null;
  /** Its target profile, for the freshness of its facts; null when it has none. */
  profile: TargetProfile | null;
}

export interface BoardScore {
  score: number | null;
  /** Share of the category's weight judged, 0-1; null when the scorecard records none. */
  coverage: number | null;
}

export interface BoardRow {
  name: string;
  provider: string;
  model: string;
  /** Run folder as given (absolute), or null for a history run whose folder is unknown. */
  runDir: string | null;
  /** report.html relative to the board folder, null when the run folder has none. */
  reportHref: string | null;
  startedAt: string;
  complete: boolean;
  /** False when the run measured nothing (every score null). */
  valid: boolean;
  headline: Record<CategoryId, BoardScore>;
  /** Every component score, keyed `category.component`. */
  components: Record<string, number | null>;
  latency: { ttftP50: number | null; ttftP95: number | null; e2eP50: number | null; e2eP95: number | null };
  jsonMode: { samples: number; validRate: number | null; schemaValidRate: number | null };
  toolCalls: { samples: number; forcedCallRate: number | null; validArgumentsRate: number | null };
  /** Cost of 1,000 typical agent tasks at the profile's attested price; null when not known. */
  costPer1kTasks: { amount: number; currency: string } | null;
  staleness: {
    ageDays: number;
    /** The run is older than the board's `staleAfterDays`. */
    runStale: boolean;
    /** The profile's facts past `reverifyBy`. */
    staleFacts: StaleFact[];
    stale: boolean;
  };
}

export interface BoardDocument {
  schemaVersion: typeof BOARD_SCHEMA_VERSION;
  generatedAt: string;
  staleAfterDays: number;
  /** Components the board's table shows, besides the headline scores. */
  keyComponents: string[];
  rows: BoardRow[];
}

/** Components agents feel first (DESIGN §4 "What agents feel is scored"), as board columns. */
export const KEY_COMPONENTS = [
  'agentFriendliness.toolUse',
  'agentFriendliness.structuredOutput',
  'agentFriendliness.errorMessages',
  'security.authStrength',
  'reliability.errorRecovery',
  'reliability.latency',
] as const;

export interface BuildBoardOptions {
  now: Date;
  staleAfterDays?: number;
  /** report.html of a row relative to the board folder, or null; decided by the caller that knows the disk. */
  reportHrefOf?: (entry: BoardEntry) => string | null;
}

function componentScores(scorecard: Scorecard): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const category of CATEGORY_IDS)
    for (const component of CATEGORY_COMPONENTS[category])
      scores[`${category}.${component}`] = scorecard.scores[category]?.components[component]?.score ?? null;
  return scores;
}

function costOf(scorecard: Scorecard): BoardRow['costPer1kTasks'] {
  const amount = scorecard.cost?.agentTask?.costPer1k;
  const currency = scorecard.cost?.price?.currency;
  return typeof amount === 'number' && currency ? { amount, currency } : null;
}

export function boardRow(entry: BoardEntry, options: BuildBoardOptions): BoardRow {
  const { scorecard } = entry;
  const { latency, jsonMode, toolCalls } = scorecard.metrics;
  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  const ageDays = runAgeDays(scorecard.startedAt, options.now);
  const facts = entry.profile ? staleFacts(entry.profile, options.now) : [];
  const runStale = ageDays > staleAfterDays;
  return {
    name: scorecard.target.name,
    provider: scorecard.target.provider,
    model: scorecard.target.model,
    runDir: entry.runDir,
    reportHref: options.reportHrefOf?.(entry) ?? null,
    startedAt: scorecard.startedAt,
    complete: scorecard.complete,
    valid: scorecard.validity?.valid ?? true,
    headline: Object.fromEntries(
      CATEGORY_IDS.map((category) => [
        category,
        {
          score: scorecard.scores[category]?.score ?? null,
          coverage: scorecard.scores[category]?.coverage?.share ?? null,
        },
      ]),
    ) as Record<CategoryId, BoardScore>,
    components: componentScores(scorecard),
    latency: {
      ttftP50: latency.ttftMs.p50,
      ttftP95: latency.ttftMs.p95,
      e2eP50: latency.e2eMs.p50,
      e2eP95: latency.e2eMs.p95,
    },
    jsonMode: {
      samples: jsonMode.samples,
      validRate: jsonMode.validRate,
      schemaValidRate: jsonMode.schemaValidRate,
    },
    toolCalls: {
      samples: toolCalls.samples,
      forcedCallRate: toolCalls.forcedCallRate,
      validArgumentsRate: toolCalls.validArgumentsRate,
    },
    costPer1kTasks: costOf(scorecard),
    staleness: { ageDays, runStale, staleFacts: facts, stale: runStale || facts.length > 0 },
  };
}

/** Rows by Agent Friendliness, best first (unjudged last), then by name: a stable default order. */
export function buildBoard(entries: readonly BoardEntry[], options: BuildBoardOptions): BoardDocument {
  const rows = entries
    .map((entry) => boardRow(entry, options))
    .sort(
      (left, right) =>
        (right.headline.agentFriendliness.score ?? -1) - (left.headline.agentFriendliness.score ?? -1) ||
        left.name.localeCompare(right.name),
    );
  return {
    schemaVersion: BOARD_SCHEMA_VERSION,
    generatedAt: options.now.toISOString(),
    staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
    keyComponents: [...KEY_COMPONENTS],
    rows,
  };
}
