/** @module Maps an Incident to its `monitor_incidents` row and back; driver-neutral like run-rows.ts. */
import type { AlertedValue, Incident } from './monitor-incident.ts';

export interface IncidentRow {
  name: string;
  opened_run_id: string;
  opened_at: string;
  baseline_run_id: string;
  status: string;
  alerted_json: string;
  last_alert_run_id: string;
  quiet_runs: number;
  closed_run_id: string | null;
  closed_at: string | null;
}

export const INCIDENT_COLUMNS = [
  'name',
  'opened_run_id',
  'opened_at',
  'baseline_run_id',
  'status',
  'alerted_json',
  'last_alert_run_id',
  'quiet_runs',
  'closed_run_id',
  'closed_at',
] as const satisfies readonly (keyof IncidentRow)[];

/** Columns an upsert rewrites: everything but the identity (name, opened_run_id). */
export const INCIDENT_UPDATE_COLUMNS = INCIDENT_COLUMNS.filter(
  (column) => column !== 'name' && column !== 'opened_run_id',
);

export function toIncidentRow(incident: Incident): IncidentRow {
  return {
    name: incident.name,
    opened_run_id: incident.openedRunId,
    opened_at: incident.openedAt,
    baseline_run_id: incident.baselineRunId,
    status: incident.status,
    alerted_json: JSON.stringify(incident.alerted),
    last_alert_run_id: incident.lastAlertRunId,
    quiet_runs: incident.quietRuns,
    closed_run_id: incident.closedRunId,
    closed_at: incident.closedAt,
  };
}

export function fromIncidentRow(row: IncidentRow): Incident {
  return {
    name: row.name,
    openedRunId: row.opened_run_id,
    openedAt: row.opened_at,
    baselineRunId: row.baseline_run_id,
    status: row.status === 'open' ? 'open' : 'closed',
    alerted: JSON.parse(row.alerted_json) as Record<string, AlertedValue>,
    lastAlertRunId: row.last_alert_run_id,
    // pg returns INTEGER as number; keep it a number whatever the driver does.
    quietRuns: Number(row.quiet_runs),
    closedRunId: row.closed_run_id,
    closedAt: row.closed_at,
  };
}

/** `INSERT ... ON CONFLICT (name, opened_run_id) DO UPDATE`: the same upsert on SQLite and PostgreSQL. */
export function incidentUpsertSql(placeholders: readonly string[]): string {
  const updates = INCIDENT_UPDATE_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ');
  return `INSERT INTO monitor_incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})
  ON CONFLICT (name, opened_run_id) DO UPDATE SET ${updates}`;
}
