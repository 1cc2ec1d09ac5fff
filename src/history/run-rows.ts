/**
 * @module Maps a run to table rows and rows back to runs and results. Pure and driver-neutral, so a
 * PostgreSQL backend stores exactly the same rows as SQLite.
 */
import type { ProbeResult, ProbeTimings } from '../spec/probe-result.ts';
import { CATEGORY_IDS, type CategoryId, type Scorecard } from '../spec/scorecard.ts';
import type { RunToSave, StoredRun } from './history-store.ts';

/** Column name of each headline score in `runs`. */
export const HEADLINE_COLUMNS: Record<CategoryId, string> = {
  agentFriendliness: 'agent_friendliness',
  security: 'security',
  reliability: 'reliability',
  dataProtection: 'data_protection',
};

export interface RunRow {
  run_id: string;
  name: string;
  run_dir: string | null;
  target_json: string;
  provider: string;
  base_url: string;
  model: string;
  started_at: string;
  finished_at: string;
  harness_version: string;
  rubric_version: string;
  complete: number;
  agent_friendliness: number | null;
  security: number | null;
  reliability: number | null;
  data_protection: number | null;
  scorecard_json: string;
}

export interface ComponentRow {
  run_id: string;
  category: string;
  component: string;
  score: number | null;
  source: string;
}

export interface MetricRow {
  run_id: string;
  name: string;
  value: number | null;
  samples: number;
}

export interface ProbeRow {
  run_id: string;
  seq: number;
  suite: string;
  probe: string;
  kind: string;
  repetition: number;
  attempt: number;
  status: string;
  reason: string | null;
  reason_detail: string | null;
  ttft_ms: number | null;
  e2e_ms: number | null;
  inter_token_ms: number | null;
  checks_json: string;
  evidence_json: string;
  timings_json: string | null;
  measurements_json: string | null;
}

export interface FingerprintRow {
  run_id: string;
  suite: string;
  probe: string;
  field: string;
}

export function toRunRow(run: RunToSave): RunRow {
  const { scorecard } = run;
  return {
    run_id: run.runId,
    name: run.name,
    run_dir: run.runDir,
    target_json: JSON.stringify(scorecard.target),
    provider: scorecard.target.provider,
    base_url: scorecard.target.baseUrl,
    model: scorecard.target.model,
    started_at: scorecard.startedAt,
    finished_at: scorecard.finishedAt,
    harness_version: scorecard.harnessVersion,
    rubric_version: scorecard.rubricVersion,
    complete: scorecard.complete ? 1 : 0,
    agent_friendliness: scorecard.scores.agentFriendliness?.score ?? null,
    security: scorecard.scores.security?.score ?? null,
    reliability: scorecard.scores.reliability?.score ?? null,
    data_protection: scorecard.scores.dataProtection?.score ?? null,
    scorecard_json: JSON.stringify(scorecard),
  };
}

export function toComponentRows(runId: string, scorecard: Scorecard): ComponentRow[] {
  return CATEGORY_IDS.flatMap((category) =>
    Object.entries(scorecard.scores[category]?.components ?? {}).map(([component, value]) => ({
      run_id: runId,
      category,
      component,
      score: value?.score ?? null,
      source: value?.source ?? 'not-applicable',
    })),
  );
}

/** Flattens `scorecard.metrics` into `group.metric[.percentile]` rows carrying the group's sample count. */
export function toMetricRows(runId: string, scorecard: Scorecard): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const [group, values] of Object.entries(scorecard.metrics)) {
    const samples = typeof values.samples === 'number' ? values.samples : 0;
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      if (key === 'samples') continue;
      if (value === null || typeof value === 'number') {
        rows.push({ run_id: runId, name: `${group}.${key}`, value, samples });
      } else if (typeof value === 'object') {
        for (const [leaf, leafValue] of Object.entries(value)) {
          if (leafValue === null || typeof leafValue === 'number') {
            rows.push({ run_id: runId, name: `${group}.${key}.${leaf}`, value: leafValue, samples });
          }
        }
      }
    }
  }
  return rows;
}

export function toProbeRow(runId: string, seq: number, result: ProbeResult): ProbeRow {
  return {
    run_id: runId,
    seq,
    suite: result.suite,
    probe: result.probe,
    kind: result.kind,
    repetition: result.repetition,
    attempt: result.attempt,
    status: result.status,
    reason: result.reason,
    reason_detail: result.reasonDetail ?? null,
    ttft_ms: result.timings.ttftMs ?? null,
    e2e_ms: result.timings.e2eMs ?? null,
    inter_token_ms: result.timings.interTokenMs ?? null,
    checks_json: JSON.stringify(result.checks),
    evidence_json: JSON.stringify(result.evidence),
    timings_json: JSON.stringify(result.timings),
    measurements_json: JSON.stringify(result.measurements),
  };
}

/** Distinct shape-fingerprint fields per probe of a run. */
export function toFingerprintRows(runId: string, results: readonly ProbeResult[]): FingerprintRow[] {
  const seen = new Set<string>();
  const rows: FingerprintRow[] = [];
  for (const result of results) {
    for (const field of result.measurements.shapeFingerprint ?? []) {
      const key = JSON.stringify([result.suite, result.probe, field]);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ run_id: runId, suite: result.suite, probe: result.probe, field });
    }
  }
  return rows;
}

export function headlineScores(
  row: Pick<RunRow, 'agent_friendliness' | 'security' | 'reliability' | 'data_protection'>,
) {
  return {
    agentFriendliness: row.agent_friendliness,
    security: row.security,
    reliability: row.reliability,
    dataProtection: row.data_protection,
  } satisfies Record<CategoryId, number | null>;
}

export function fromRunRow(row: RunRow): StoredRun {
  const scorecard = JSON.parse(row.scorecard_json) as Scorecard;
  return {
    runId: row.run_id,
    name: row.name,
    runDir: row.run_dir,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    complete: row.complete === 1,
    harnessVersion: row.harness_version,
    rubricVersion: row.rubric_version,
    target: JSON.parse(row.target_json) as Scorecard['target'],
    scores: headlineScores(row),
    scorecard,
  };
}

/** Rebuilds a ProbeResult; rows written by schema v1 lack full timings and measurements. */
export function fromProbeRow(row: ProbeRow, runStartedAt: string): ProbeResult {
  const timings: ProbeTimings = row.timings_json
    ? (JSON.parse(row.timings_json) as ProbeTimings)
    : {
        startedAt: runStartedAt,
        durationMs: row.e2e_ms ?? 0,
        ...(row.ttft_ms === null ? {} : { ttftMs: row.ttft_ms }),
        ...(row.e2e_ms === null ? {} : { e2eMs: row.e2e_ms }),
      };
  return {
    schemaVersion: 1,
    runId: row.run_id,
    suite: row.suite,
    probe: row.probe,
    kind: row.kind,
    repetition: row.repetition,
    attempt: row.attempt,
    status: row.status as ProbeResult['status'],
    reason: row.reason as ProbeResult['reason'],
    ...(row.reason_detail === null ? {} : { reasonDetail: row.reason_detail }),
    checks: JSON.parse(row.checks_json) as ProbeResult['checks'],
    timings,
    measurements: row.measurements_json
      ? (JSON.parse(row.measurements_json) as ProbeResult['measurements'])
      : {},
    evidence: JSON.parse(row.evidence_json) as ProbeResult['evidence'],
  };
}
