/**
 * @module HistoryStore on a shared PostgreSQL database (`pg`): the same migrations and rows as
 * SQLite, one transaction per run, advisory locks where SQLite relies on its single writer.
 */
import pg from 'pg';
import type { ProbeResult } from '../spec/probe-result.ts';
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
import { redactPostgresUrl, scrubPostgresPassword } from './postgres-url.ts';
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
import {
  CHILD_TABLES,
  COMPONENT_COLUMNS,
  FINGERPRINT_COLUMNS,
  METRIC_COLUMNS,
  PROBE_COLUMNS,
  RUN_COLUMNS,
} from './table-columns.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const ROWS_PER_INSERT = 1000;
const CONNECT_TIMEOUT_MS = 10_000;
/** First key of the two-key advisory lock taken while a run is replaced (arbitrary, "as" in ASCII). */
const SAVE_LOCK_CLASS = 0x6173;
/** Connection failures: refused/unknown host (node codes), bad login (28xxx), no such database (3D000). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);
/**
 * PostgreSQL compares TEXT by the database collation; SQLite compares bytes. ISO timestamps and run
 * ids must order the same way on both, so every comparison on them says COLLATE "C".
 */
const BYTES = 'COLLATE "C"';

const SQL = {
  latest: `SELECT * FROM runs WHERE name = $1 ORDER BY started_at ${BYTES} DESC, run_id ${BYTES} DESC LIMIT $2`,
  runById: 'SELECT * FROM runs WHERE run_id = $1',
  names: `SELECT name FROM runs GROUP BY name ORDER BY name ${BYTES}`,
  before: `SELECT * FROM runs WHERE name = $1
             AND (started_at ${BYTES} < $2 OR (started_at = $2 AND run_id ${BYTES} < $3))
           ORDER BY started_at ${BYTES} DESC, run_id ${BYTES} DESC LIMIT 1`,
  probes: 'SELECT * FROM probe_results WHERE run_id = $1 ORDER BY seq',
  trend: `SELECT r.run_id, r.started_at, r.complete, r.agent_friendliness, r.security, r.reliability,
                 r.data_protection, m.samples AS availability_samples, m.value AS availability_rate
            FROM runs r LEFT JOIN metrics m ON m.run_id = r.run_id AND m.name = 'availability.successRate'
           WHERE r.name = $1 ORDER BY r.started_at ${BYTES} DESC, r.run_id ${BYTES} DESC LIMIT $2`,
  openIncident: `SELECT * FROM monitor_incidents WHERE name = $1 AND status = 'open'
                  ORDER BY opened_at ${BYTES} DESC LIMIT 1`,
  saveIncident: incidentUpsertSql(INCIDENT_COLUMNS.map((_, index) => `$${index + 1}`)),
} as const;

interface TrendRow extends Pick<RunRow, 'run_id' | 'started_at' | 'complete'> {
  agent_friendliness: number | null;
  security: number | null;
  reliability: number | null;
  data_protection: number | null;
  availability_samples: number | null;
  availability_rate: number | null;
}

/**
 * Connects to the database at `url` (`postgres://user[:password]@host[:port]/db`; the password may
 * also come from PGPASSWORD) and migrates the current schema. A schema holding another application's
 * tables or a newer agentscore schema raises a HistoryStoreError and is left unchanged.
 */
export async function openPostgresHistoryStore(url: string): Promise<PostgresHistoryStore> {
  const location = redactPostgresUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  try {
    await transaction(pool, (client) => migrate(client, location));
  } catch (error) {
    await pool.end();
    throw describeFailure(error, url, location);
  }
  return new PostgresHistoryStore(pool, url);
}

/** Applies pending migrations under an advisory lock, so concurrent openers of a new schema do not race. */
async function migrate(client: pg.PoolClient, location: string): Promise<void> {
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('agentscore_migrations:' || coalesce(current_schema(), '')))",
  );
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const names = tables.rows.map((row) => row.table_name);
  if (names.length > 0 && !names.includes(MIGRATIONS_TABLE)) {
    throw new HistoryStoreError(
      'HISTORY_FOREIGN_DB',
      location,
      `${location} already holds tables of another application (${names.slice(0, 3).join(', ')}) and no ${MIGRATIONS_TABLE} table; not touching it. Use an empty database or schema.`,
    );
  }
  const current = names.includes(MIGRATIONS_TABLE)
    ? ((
        await client.query<{ version: number | null }>(
          `SELECT MAX(version) AS version FROM ${MIGRATIONS_TABLE}`,
        )
      ).rows[0]?.version ?? 0)
    : 0;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new HistoryStoreError(
      'HISTORY_SCHEMA_TOO_NEW',
      location,
      `History database ${location} has schema version ${current}, newer than this agentscore supports (${LATEST_SCHEMA_VERSION}).`,
    );
  }
  for (const migration of pendingMigrations(current)) {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO ${MIGRATIONS_TABLE} (version, description, applied_at) VALUES ($1, $2, $3)`,
      [migration.version, migration.description, new Date().toISOString()],
    );
  }
}

async function transaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await body(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Connection failures become HISTORY_UNREACHABLE; no message ever carries the URL's password. */
function describeFailure(error: unknown, url: string, location: string): Error {
  if (error instanceof HistoryStoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = scrubPostgresPassword(url, error instanceof Error ? error.message : String(error));
  const unreachable =
    (typeof code === 'string' &&
      (UNREACHABLE_CODES.has(code) || code.startsWith('28') || code === '3D000')) ||
    /timeout|terminated/i.test(message);
  if (unreachable) {
    return new HistoryStoreError(
      'HISTORY_UNREACHABLE',
      location,
      `Cannot open history database ${location}: ${message}`,
    );
  }
  const failure = new Error(`History database ${location}: ${message}`, { cause: error });
  if (typeof code === 'string') Object.assign(failure, { code });
  return failure;
}

/** PostgreSQL text cannot hold NUL (SQLite can): a hostile target's NUL becomes U+FFFD. */
function withoutNul(value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}

/** `INSERT ... VALUES ($1, $2), ($3, $4), ...` for a batch of rows, with its flat parameter list. */
function multiRowInsert<Row extends object>(
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      values.push(withoutNul(row[column]));
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values };
}

async function insertRows<Row extends object>(
  client: pg.PoolClient,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const batch = rows.slice(start, start + ROWS_PER_INSERT);
    const { text, values } = multiRowInsert(table, columns, batch);
    // Full batches use a named statement, so each connection parses that big INSERT once (~25 %
    // faster on 100k rows); the odd-sized last batch stays unnamed to keep the cache bounded.
    const name = batch.length === ROWS_PER_INSERT ? `agentscore-insert-${table}` : undefined;
    await client.query({ name, text, values });
  }
}

export class PostgresHistoryStore implements HistoryStore {
  readonly #pool: pg.Pool;
  readonly #url: string;
  #closed = false;

  constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.#url = url;
  }

  async saveRun(run: RunToSave): Promise<void> {
    await this.#guard(() =>
      transaction(this.#pool, async (client) => {
        // Serialises two writers replacing the same run (SQLite gets this from its single writer).
        await client.query(
          "SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '') || ':' || $2))",
          [SAVE_LOCK_CLASS, run.runId],
        );
        for (const table of CHILD_TABLES)
          await client.query(`DELETE FROM ${table} WHERE run_id = $1`, [run.runId]);
        await client.query('DELETE FROM runs WHERE run_id = $1', [run.runId]);
        await insertRows(client, 'runs', RUN_COLUMNS, [toRunRow(run)]);
        await insertRows(
          client,
          'component_scores',
          COMPONENT_COLUMNS,
          toComponentRows(run.runId, run.scorecard),
        );
        await insertRows(client, 'metrics', METRIC_COLUMNS, toMetricRows(run.runId, run.scorecard));
        await insertRows(
          client,
          'probe_results',
          PROBE_COLUMNS,
          run.results.map((result, index) => toProbeRow(run.runId, index, result)),
        );
        await insertRows(
          client,
          'shape_fingerprints',
          FINGERPRINT_COLUMNS,
          toFingerprintRows(run.runId, run.results),
        );
      }),
    );
  }

  async runNames(): Promise<string[]> {
    return (await this.#rows<{ name: string }>(SQL.names, [])).map((row) => row.name);
  }

  async latestRuns(name: string, limit: number): Promise<StoredRun[]> {
    return (await this.#rows<RunRow>(SQL.latest, [name, limit])).map(fromRunRow);
  }

  async previousRun(name: string, beforeRunId?: string): Promise<StoredRun | null> {
    const anchor =
      beforeRunId === undefined ? undefined : (await this.#rows<RunRow>(SQL.runById, [beforeRunId]))[0];
    if (!anchor) return (await this.latestRuns(name, 1))[0] ?? null;
    const [row] = await this.#rows<RunRow>(SQL.before, [name, anchor.started_at, anchor.run_id]);
    return row ? fromRunRow(row) : null;
  }

  async runResults(runId: string): Promise<ProbeResult[]> {
    const [run] = await this.#rows<RunRow>(SQL.runById, [runId]);
    if (!run) return [];
    return (await this.#rows<ProbeRow>(SQL.probes, [runId])).map((row) => fromProbeRow(row, run.started_at));
  }

  async trend(name: string, options: { limit: number }): Promise<TrendPoint[]> {
    const rows = await this.#rows<TrendRow>(SQL.trend, [name, options.limit]);
    return rows.reverse().map((row) => ({
      runId: row.run_id,
      startedAt: row.started_at,
      complete: row.complete === 1,
      scores: headlineScores(row),
      availability: { samples: row.availability_samples ?? 0, successRate: row.availability_rate },
    }));
  }

  async openIncident(name: string): Promise<Incident | null> {
    const [row] = await this.#rows<IncidentRow & pg.QueryResultRow>(SQL.openIncident, [name]);
    return row ? fromIncidentRow(row) : null;
  }

  async saveIncident(incident: Incident): Promise<boolean> {
    const row = toIncidentRow(incident);
    const values = INCIDENT_COLUMNS.map((column) => withoutNul(row[column]));
    try {
      await this.#pool.query(SQL.saveIncident, values);
      return true;
    } catch (error) {
      // 23505 unique_violation: another open incident of this name (monitor_incidents_one_open).
      if ((error as { code?: string }).code === '23505') return false;
      throw describeFailure(error, this.#url, redactPostgresUrl(this.#url));
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async #rows<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
    return this.#guard(async () => (await this.#pool.query<Row>(text, values)).rows);
  }

  async #guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      throw describeFailure(error, this.#url, redactPostgresUrl(this.#url));
    }
  }
}
