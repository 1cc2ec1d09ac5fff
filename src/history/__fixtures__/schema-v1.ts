/**
 * @module Schema version 1 for migration tests. The SQL is valid on SQLite and PostgreSQL alike, as
 * agentscore 0.1's migration was.
 */
/** Schema version 1 exactly as agentscore 0.1 wrote it, typed out by hand (not taken from MIGRATIONS). */
export const V1_SCHEMA = `
CREATE TABLE agentscore_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);
CREATE TABLE runs (run_id TEXT PRIMARY KEY, name TEXT NOT NULL, target_json TEXT NOT NULL, provider TEXT NOT NULL,
  base_url TEXT NOT NULL, model TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  harness_version TEXT NOT NULL, rubric_version TEXT NOT NULL, complete INTEGER NOT NULL,
  agent_friendliness DOUBLE PRECISION, security DOUBLE PRECISION, reliability DOUBLE PRECISION,
  data_protection DOUBLE PRECISION, scorecard_json TEXT NOT NULL);
CREATE INDEX runs_name_started ON runs (name, started_at);
CREATE TABLE component_scores (run_id TEXT NOT NULL, category TEXT NOT NULL, component TEXT NOT NULL,
  score DOUBLE PRECISION, source TEXT NOT NULL, PRIMARY KEY (run_id, category, component));
CREATE TABLE metrics (run_id TEXT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION, samples INTEGER NOT NULL,
  PRIMARY KEY (run_id, name));
CREATE TABLE probe_results (run_id TEXT NOT NULL, seq INTEGER NOT NULL, suite TEXT NOT NULL, probe TEXT NOT NULL,
  kind TEXT NOT NULL, repetition INTEGER NOT NULL, attempt INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT,
  ttft_ms DOUBLE PRECISION, e2e_ms DOUBLE PRECISION, checks_json TEXT NOT NULL, evidence_json TEXT NOT NULL,
  PRIMARY KEY (run_id, seq));
INSERT INTO agentscore_migrations VALUES (1, 'runs, component scores, metrics and probe results', '2024-12-01T00:00:00Z');
`;
