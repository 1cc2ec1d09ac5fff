/** @module Alert sinks that cannot fail a run: console lines and `alerts.json` beside the run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Alert, formatAlertLine } from './alert.ts';
import type { Incident, IncidentEvent } from './monitor-incident.ts';

export { type Alert, type AlertKind, formatAlertLine, scrubAlert } from './alert.ts';

export const ALERTS_FILE = 'alerts.json';
export const ALERTS_SCHEMA_VERSION = 1;

export interface AlertsDocument {
  schemaVersion: typeof ALERTS_SCHEMA_VERSION;
  name: string;
  runId: string;
  /** Run this one was compared with; null on the first run of a name. */
  baseRunId: string | null;
  exitCode: 0 | 1;
  alerts: Alert[];
  /** The name's incident after this run and what the run did to it; null when none is open or closed by it. */
  incident?: (Incident & { event: IncidentEvent }) | null;
  /** The run's report: a URL under --report-url, else its local path. */
  reportUrl?: string;
}

/** The lines a CLI prints, one per alert; printing is the caller's job. */
export function consoleSink(alerts: readonly Alert[]): string[] {
  return alerts.map(formatAlertLine);
}

/** Writes `alerts.json` into the run directory and returns its path. */
export function writeAlertsFile(runDir: string, document: AlertsDocument): string {
  mkdirSync(runDir, { recursive: true });
  const file = join(runDir, ALERTS_FILE);
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}
