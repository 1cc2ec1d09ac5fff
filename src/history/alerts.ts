/** @module Alert sinks that cannot fail a run: console lines, `alerts.json` beside the run, Slack text. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Alert, formatAlertLine } from './alert.ts';

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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A Slack-compatible (mrkdwn) summary: a count line, then one bullet per alert. */
export function slackText(target: string, alerts: readonly Alert[]): string {
  const count = (kind: Alert['kind']) => alerts.filter((alert) => alert.kind === kind).length;
  const counts = [
    plural(count('regression'), 'regression'),
    plural(count('latency'), 'latency change'),
    plural(count('recovery'), 'recovery').replace('recoverys', 'recoveries'),
  ];
  const header = `*agentscore* ${target}: ${counts.join(', ')}`;
  return [header, ...alerts.map((alert) => `• ${formatAlertLine(alert)}`)].join('\n');
}
