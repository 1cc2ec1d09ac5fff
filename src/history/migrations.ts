/**
 * @module Versioned schema migrations, shared by every history backend.
 *
 * The SQL is kept portable between SQLite and PostgreSQL: TEXT/INTEGER/DOUBLE PRECISION columns,
 * JSON kept as TEXT, booleans as INTEGER 0/1, composite primary keys instead of autoincrement,
 * `IF NOT EXISTS` and plain `ALTER TABLE ... ADD COLUMN`. The differences that remain live outside
 * this file: (1) connection setup — SQLite needs `PRAGMA journal_mode = WAL` and
 * `PRAGMA busy_timeout`, PostgreSQL needs neither; (2) query placeholders — `?`/`@name` for SQLite,
 * `$1, $2, ...` for `pg`; (3) PostgreSQL's queries compare TEXT with `COLLATE "C"` to order like SQLite. Applied versions are recorded in `agentscore_migrations`, which also marks
 * a database as ours (a file without it is never touched).
 */

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Marker and bookkeeping table; its presence is how a file is recognised as an agentscore history. */
export const MIGRATIONS_TABLE = 'agentscore_migrations';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, component scores, metrics and probe results',
    sql: `
CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  target_json TEXT NOT NULL,
  provider TEXT NOT NULL,
  base_url TEXT NOT NULL,
  model TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  harness_version TEXT NOT NULL,
  rubric_version TEXT NOT NULL,
  complete INTEGER NOT NULL,
  agent_friendliness DOUBLE PRECISION,
  security DOUBLE PRECISION,
  reliability DOUBLE PRECISION,
  data_protection DOUBLE PRECISION,
  scorecard_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_name_started ON runs (name, started_at);
CREATE TABLE IF NOT EXISTS component_scores (
  run_id TEXT NOT NULL REFERENCES runs (run_id),
  category TEXT NOT NULL,
  component TEXT NOT NULL,
  score DOUBLE PRECISION,
  source TEXT NOT NULL,
  PRIMARY KEY (run_id, category, component)
);
CREATE TABLE IF NOT EXISTS metrics (
  run_id TEXT NOT NULL REFERENCES runs (run_id),
  name TEXT NOT NULL,
  value DOUBLE PRECISION,
  samples INTEGER NOT NULL,
  PRIMARY KEY (run_id, name)
);
CREATE TABLE IF NOT EXISTS probe_results (
  run_id TEXT NOT NULL REFERENCES runs (run_id),
  seq INTEGER NOT NULL,
  suite TEXT NOT NULL,
  probe TEXT NOT NULL,
  kind TEXT NOT NULL,
  repetition INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  ttft_ms DOUBLE PRECISION,
  e2e_ms DOUBLE PRECISION,
  checks_json TEXT NOT NULL,
  evidence_json TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
`,
  },
  {
    version: 2,
    description: 'run directory, full timings and measurements, shape fingerprints',
    sql: `
ALTER TABLE runs ADD COLUMN run_dir TEXT;
ALTER TABLE probe_results ADD COLUMN reason_detail TEXT;
ALTER TABLE probe_results ADD COLUMN inter_token_ms DOUBLE PRECISION;
ALTER TABLE probe_results ADD COLUMN timings_json TEXT;
ALTER TABLE probe_results ADD COLUMN measurements_json TEXT;
CREATE TABLE IF NOT EXISTS shape_fingerprints (
  run_id TEXT NOT NULL REFERENCES runs (run_id),
  suite TEXT NOT NULL,
  probe TEXT NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (run_id, suite, probe, field)
);
`,
  },
  {
    version: 3,
    description: 'monitor incidents: one alert per regression, a recovery closes it',
    sql: `
CREATE TABLE IF NOT EXISTS monitor_incidents (
  name TEXT NOT NULL,
  opened_run_id TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  baseline_run_id TEXT NOT NULL,
  status TEXT NOT NULL,
  alerted_json TEXT NOT NULL,
  last_alert_run_id TEXT NOT NULL,
  quiet_runs INTEGER NOT NULL,
  closed_run_id TEXT,
  closed_at TEXT,
  PRIMARY KEY (name, opened_run_id)
);
CREATE INDEX IF NOT EXISTS monitor_incidents_name_status ON monitor_incidents (name, status);
`,
  },
  {
    version: 4,
    description: 'at most one open incident per name, so two monitors of one target cannot both alert',
    // Two open incidents of one name (the race this closes) keep the newest open; the others close
    // where they opened. Then the database itself refuses a second open incident.
    sql: `
UPDATE monitor_incidents SET status = 'closed', closed_run_id = opened_run_id, closed_at = opened_at
 WHERE status = 'open' AND EXISTS (
   SELECT 1 FROM monitor_incidents AS later
    WHERE later.name = monitor_incidents.name AND later.status = 'open'
      AND (later.opened_at > monitor_incidents.opened_at
           OR (later.opened_at = monitor_incidents.opened_at
               AND later.opened_run_id > monitor_incidents.opened_run_id)));
CREATE UNIQUE INDEX IF NOT EXISTS monitor_incidents_one_open ON monitor_incidents (name) WHERE status = 'open';
`,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Migrations still to apply to a database at `currentVersion` (0 for an empty one), in order. */
export function pendingMigrations(currentVersion: number): Migration[] {
  return MIGRATIONS.filter((migration) => migration.version > currentVersion);
}
