/**
 * @module The monitor's Markdown block for a CI job summary (`$GITHUB_STEP_SUMMARY`): what this run
 * did to the name's incident, the same lines as the message (headline, components, latency, one
 * line for the check flips) and the report link. Pure.
 */
import { type Alert, formatMovement } from './alert.ts';
import type { Incident, IncidentEvent } from './monitor-incident.ts';

/** The part of a MonitorOutcome the summary reads (kept here so this module stays pure). */
export interface MonitorSummaryInput {
  firstRun: boolean;
  baseRunId: string | null;
  incidentEvent: IncidentEvent;
  incident: Incident | null;
  alerts: readonly Alert[];
  reportUrl: string;
}

const STATES: Record<IncidentEvent, string> = {
  none: '✅ No regression',
  opened: '🔴 Regression: incident opened',
  updated: '🟠 Further regression: incident updated',
  reminder: '🔴 Still regressed: reminder alerted',
  ongoing: '🔴 Still regressed: incident open, no new alert',
  recovered: '🟢 Recovered: incident closed',
};

/** Markdown table cells and list items: pipes and line breaks would break the layout. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function linkMarkdown(link: string): string {
  return /^https?:\/\//.test(link)
    ? `[report](${encodeURI(link)})`
    : `report: \`${link.replace(/`/g, "'")}\``;
}

export function monitorStepSummary(name: string, outcome: MonitorSummaryInput): string {
  // A blank line first: the block may follow the run's own summary in the same file.
  const lines = ['', `### agentscore monitor: ${escapeMarkdown(name)}`, ''];
  if (outcome.firstRun) {
    lines.push(
      'First run of this name: stored, nothing to compare with yet.',
      '',
      linkMarkdown(outcome.reportUrl),
    );
    return `${lines.join('\n')}\n`;
  }
  const incident = outcome.incident;
  const since =
    incident && outcome.incidentEvent !== 'none' && outcome.incidentEvent !== 'opened'
      ? ` (opened ${incident.openedAt.slice(0, 10)} by run \`${incident.openedRunId}\`)`
      : '';
  const base = outcome.incidentEvent === 'none' ? 'the previous run' : 'the last healthy run';
  lines.push(
    `**${STATES[outcome.incidentEvent]}**${since}; compared with ${base} \`${outcome.baseRunId}\`.`,
    '',
  );
  const shown = outcome.alerts.filter((alert) => !alert.key.startsWith('check:'));
  const byKind = (prefix: string) => shown.filter((alert) => alert.key.startsWith(prefix));
  for (const alert of [...byKind('category:'), ...byKind('component:'), ...byKind('latency:')])
    lines.push(
      `- ${alert.kind === 'recovery' ? '🟢' : '🔻'} ${escapeMarkdown(alert.what)} ${formatMovement(alert)}`,
    );
  const checks = outcome.alerts.filter((alert) => alert.key.startsWith('check:'));
  const failing = checks.filter((alert) => alert.kind === 'regression').length;
  const passing = checks.length - failing;
  if (failing > 0) lines.push(`- and ${failing} check flip${failing === 1 ? '' : 's'} (pass → fail)`);
  if (passing > 0) lines.push(`- and ${passing} check${passing === 1 ? '' : 's'} passing again`);
  if (lines[lines.length - 1] !== '') lines.push('');
  lines.push(linkMarkdown(outcome.reportUrl));
  return `${lines.join('\n')}\n`;
}
