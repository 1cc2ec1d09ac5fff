/** @module Column lists of the history tables, in insert order, shared by every backend. */
import type { ComponentRow, FingerprintRow, MetricRow, ProbeRow, RunRow } from './run-rows.ts';

export const RUN_COLUMNS = [
  'run_id',
  'name',
  'run_dir',
  'target_json',
  'provider',
  'base_url',
  'model',
  'started_at',
  'finished_at',
  'harness_version',
  'rubric_version',
  'complete',
  'agent_friendliness',
  'security',
  'reliability',
  'data_protection',
  'scorecard_json',
] as const satisfies readonly (keyof RunRow)[];

export const COMPONENT_COLUMNS = [
  'run_id',
  'category',
  'component',
  'score',
  'source',
] as const satisfies readonly (keyof ComponentRow)[];

export const METRIC_COLUMNS = [
  'run_id',
  'name',
  'value',
  'samples',
] as const satisfies readonly (keyof MetricRow)[];

export const PROBE_COLUMNS = [
  'run_id',
  'seq',
  'suite',
  'probe',
  'kind',
  'repetition',
  'attempt',
  'status',
  'reason',
  'reason_detail',
  'ttft_ms',
  'e2e_ms',
  'inter_token_ms',
  'checks_json',
  'evidence_json',
  'timings_json',
  'measurements_json',
] as const satisfies readonly (keyof ProbeRow)[];

export const FINGERPRINT_COLUMNS = [
  'run_id',
  'suite',
  'probe',
  'field',
] as const satisfies readonly (keyof FingerprintRow)[];

/** Tables whose rows belong to one run (deleted before a run is saved again). */
export const CHILD_TABLES = ['probe_results', 'shape_fingerprints', 'metrics', 'component_scores'] as const;
