/**
 * @module The history store contract: what `monitor`, `compare` and `history` need from a database.
 * SQLite (sqlite-store.ts) and PostgreSQL (postgres-store.ts, `pg`) implement it with the same
 * migrations (see migrations.ts for the portability notes); open-history-store.ts picks one. Every
 * method may return a promise so an async driver fits; callers always `await`.
 */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { CategoryId, Scorecard } from '../spec/scorecard.ts';
import type { Incident } from './monitor-incident.ts';

export type Awaitable<T> = T | Promise<T>;

export interface RunToSave {
  runId: string;
  /** Name the run is filed under (`--name`), usually `scorecard.target.name`. */
  name: string;
  /** Run directory holding results.jsonl, scorecard.json and the reports. */
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
}

/** A stored run without its probe rows. */
export interface StoredRun {
  runId: string;
  name: string;
  /** null for runs stored by schema version 1, which did not record it. */
  runDir: string | null;
  startedAt: string;
  finishedAt: string;
  complete: boolean;
  harnessVersion: string;
  rubricVersion: string;
  target: Scorecard['target'];
  /** Headline scores, also available as `scorecard.scores[category].score`. */
  scores: Record<CategoryId, number | null>;
  scorecard: Scorecard;
}

/** One run in a trend: headline scores plus availability counts, oldest first in a series. */
export interface TrendPoint {
  runId: string;
  startedAt: string;
  complete: boolean;
  scores: Record<CategoryId, number | null>;
  availability: { samples: number; successRate: number | null };
}

export interface HistoryStore {
  /** Stores a run atomically; saving the same runId again replaces it. */
  saveRun(run: RunToSave): Awaitable<void>;
  /** Every name runs are filed under, sorted. */
  runNames(): Awaitable<string[]>;
  /** Most recent runs of a name, newest first. */
  latestRuns(name: string, limit: number): Awaitable<StoredRun[]>;
  /** The newest run of a name started before `beforeRunId` (the newest run when omitted or unknown). */
  previousRun(name: string, beforeRunId?: string): Awaitable<StoredRun | null>;
  /** Probe results of a run in their original order; empty when the run is unknown. */
  runResults(runId: string): Awaitable<ProbeResult[]>;
  /** The last `limit` runs of a name, oldest first. */
  trend(name: string, options: { limit: number }): Awaitable<TrendPoint[]>;
  /** The name's open monitor incident (at most one), or null. */
  openIncident(name: string): Awaitable<Incident | null>;
  /**
   * Inserts or replaces an incident, identified by name and openedRunId. False, and nothing saved,
   * when it would be a second open incident of its name: another monitor of the same target opened
   * one first (the database holds at most one open incident per name).
   */
  saveIncident(incident: Incident): Awaitable<boolean>;
  close(): Awaitable<void>;
}
