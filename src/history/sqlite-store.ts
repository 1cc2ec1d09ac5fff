/** @module HistoryStore on a local SQLite file (better-sqlite3): WAL, busy timeout, one transaction per run. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ProbeResult } from '../spec/probe-result.ts';
import { enableWal } from './enable-wal.ts';
import type { HistoryStore, RunToSave, StoredRun, TrendPoint } from './history-store.ts';
import { HistoryStoreError } from './history-store-error.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS_TABLE, pendingMigrations } from './migrations.ts';
import type { Incident } from './monitor-incident.ts';
import {
  fromIncidentRow,
  INCIDENT_COLUMNS,
  type IncidentRow,
  incidentUpsertSql,
  toIncidentRow,
} from './monitor-incident-rows.ts';
import {
  fromProbeRow,
  fromRunRow,
  headlineScores,
  type ProbeRow,
  type RunRow,
  toComponentRows,
  toFingerprintRows,
  toMetricRows,
  toProbeRow,
  toRunRow,
} from './run-rows.ts';
import { inspectHistoryFile } from './sqlite-file-guard.ts';
import {
  CHILD_TABLES,
  COMPONENT_COLUMNS,
  FINGERPRINT_COLUMNS,
  METRIC_COLUMNS,
  PROBE_COLUMNS,
  RUN_COLUMNS,
} from './table-columns.ts';

export const DEFAULT_HISTORY_FILE = 'reports/history.sqlite';
/**
 * How long a write waits for another writer's lock. SQLite's busy handler polls rather than queues,
 * so under CPU load a writer can lose the lock to the others many times in a row: three threads
 * writing 40 runs each hit the old 5 s limit (`database is locked`) on a loaded CI machine. A
 * nightly history write can afford to wait; a lock held longer than this is stuck, not busy.
 */
const BUSY_TIMEOUT_MS = 30_000;

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`;
}

interface TrendRow extends Pick<RunRow, 'run_id' | 'started_at' | 'complete'> {
  agent_friendliness: number | null;
  security: number | null;
  reliability: number | null;
  data_protection: number | null;
  availability_samples: number | null;
  availability_rate: number | null;
}

/**
 * Opens (creating or migrating as needed) the history database at `file`. A file that is not ours
 * — not SQLite, corrupt, another application's database, or a newer schema — raises a
 * HistoryStoreError and is left byte-for-byte unchanged.
 */
export function openSqliteHistoryStore(file: string = DEFAULT_HISTORY_FILE): SqliteHistoryStore {
  const inspection = inspectHistoryFile(file);
  if (inspection.state === 'missing') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    enableWal(database, BUSY_TIMEOUT_MS);
    database.pragma('synchronous = NORMAL');
    migrate(database, file);
  } catch (error) {
    database.close();
    throw error;
  }
  return new SqliteHistoryStore(database);
}

/** Applies pending migrations under a write lock, so two processes opening a new file do not race. */
function migrate(database: Database.Database, file: string): void {
  database
    .transaction(() => {
      const hasTable = database
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(MIGRATIONS_TABLE);
      const current = hasTable
        ? ((database.prepare(`SELECT MAX(version) FROM ${MIGRATIONS_TABLE}`).pluck().get() ?? 0) as number)
        : 0;
      if (current > LATEST_SCHEMA_VERSION) {
        // Another process upgraded the file between our inspection and this lock.
        throw new HistoryStoreError(
          'HISTORY_SCHEMA_TOO_NEW',
          file,
          `History database ${file} has schema version ${current}, newer than this agentscore supports (${LATEST_SCHEMA_VERSION}).`,
        );
      }
      const record = (version: number, description: string) =>
        database
          .prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, description, applied_at) VALUES (?, ?, ?)`)
          .run(version, description, new Date().toISOString());
      for (const migration of pendingMigrations(current)) {
        database.exec(migration.sql);
        record(migration.version, migration.description);
      }
    })
    .immediate();
}

export class SqliteHistoryStore implements HistoryStore {
  readonly #database: Database.Database;
  readonly #statements;

  constructor(database: Database.Database) {
    this.#database = database;
    this.#statements = {
      insertRun: database.prepare(insertSql('runs', RUN_COLUMNS)),
      insertComponent: database.prepare(insertSql('component_scores', COMPONENT_COLUMNS)),
      insertMetric: database.prepare(insertSql('metrics', METRIC_COLUMNS)),
      insertProbe: database.prepare(insertSql('probe_results', PROBE_COLUMNS)),
      insertFingerprint: database.prepare(insertSql('shape_fingerprints', FINGERPRINT_COLUMNS)),
      deleteRun: database.prepare('DELETE FROM runs WHERE run_id = ?'),
      deleteChildren: CHILD_TABLES.map((table) => database.prepare(`DELETE FROM ${table} WHERE run_id = ?`)),
      latest: database.prepare(
        'SELECT * FROM runs WHERE name = ? ORDER BY started_at DESC, run_id DESC LIMIT ?',
      ),
      runById: database.prepare('SELECT * FROM runs WHERE run_id = ?'),
      names: database.prepare('SELECT DISTINCT name FROM runs ORDER BY name').pluck(),
      before: database.prepare(
        'SELECT * FROM runs WHERE name = ? AND (started_at < ? OR (started_at = ? AND run_id < ?)) ' +
          'ORDER BY started_at DESC, run_id DESC LIMIT 1',
      ),
      probes: database.prepare('SELECT * FROM probe_results WHERE run_id = ? ORDER BY seq'),
      trend: database.prepare(
        `SELECT r.run_id, r.started_at, r.complete, r.agent_friendliness, r.security, r.reliability,
                r.data_protection, m.samples AS availability_samples, m.value AS availability_rate
           FROM runs r LEFT JOIN metrics m ON m.run_id = r.run_id AND m.name = 'availability.successRate'
          WHERE r.name = ? ORDER BY r.started_at DESC, r.run_id DESC LIMIT ?`,
      ),
      openIncident: database.prepare(
        "SELECT * FROM monitor_incidents WHERE name = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1",
      ),
      saveIncident: database.prepare(incidentUpsertSql(INCIDENT_COLUMNS.map((column) => `@${column}`))),
    };
  }

  saveRun(run: RunToSave): void {
    const statements = this.#statements;
    const write = this.#database.transaction(() => {
      for (const statement of statements.deleteChildren) statement.run(run.runId);
      statements.deleteRun.run(run.runId);
      statements.insertRun.run(toRunRow(run));
      for (const row of toComponentRows(run.runId, run.scorecard)) statements.insertComponent.run(row);
      for (const row of toMetricRows(run.runId, run.scorecard)) statements.insertMetric.run(row);
      for (const [index, result] of run.results.entries()) {
        statements.insertProbe.run(toProbeRow(run.runId, index, result));
      }
      for (const row of toFingerprintRows(run.runId, run.results)) statements.insertFingerprint.run(row);
    });
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a deadlock error.
    write.immediate();
  }

  runNames(): string[] {
    return this.#statements.names.all() as string[];
  }

  latestRuns(name: string, limit: number): StoredRun[] {
    return (this.#statements.latest.all(name, limit) as RunRow[]).map(fromRunRow);
  }

  previousRun(name: string, beforeRunId?: string): StoredRun | null {
    if (beforeRunId === undefined) return this.latestRuns(name, 1)[0] ?? null;
    const anchor = this.#statements.runById.get(beforeRunId) as RunRow | undefined;
    if (!anchor) return this.latestRuns(name, 1)[0] ?? null;
    const row = this.#statements.before.get(name, anchor.started_at, anchor.started_at, anchor.run_id) as
      | RunRow
      | undefined;
    return row ? fromRunRow(row) : null;
  }

  runResults(runId: string): ProbeResult[] {
    const run = this.#statements.runById.get(runId) as RunRow | undefined;
    if (!run) return [];
    return (this.#statements.probes.all(runId) as ProbeRow[]).map((row) => fromProbeRow(row, run.started_at));
  }

  trend(name: string, options: { limit: number }): TrendPoint[] {
    const rows = this.#statements.trend.all(name, options.limit) as TrendRow[];
    return rows.reverse().map((row) => ({
      runId: row.run_id,
      startedAt: row.started_at,
      complete: row.complete === 1,
      scores: headlineScores(row),
      availability: { samples: row.availability_samples ?? 0, successRate: row.availability_rate },
    }));
  }

  openIncident(name: string): Incident | null {
    const row = this.#statements.openIncident.get(name) as IncidentRow | undefined;
    return row ? fromIncidentRow(row) : null;
  }

  saveIncident(incident: Incident): boolean {
    try {
      this.#statements.saveIncident.run(toIncidentRow(incident));
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
      throw error;
    }
  }

  close(): void {
    if (this.#database.open) this.#database.close();
  }
}
