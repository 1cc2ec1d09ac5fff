/**
 * @module One webhook message per incident event (pure): Slack Block Kit `blocks` with a plain
 * `text` fallback, plus the same facts as JSON fields for a generic webhook. Headline scores
 * first, then components, then latency, then the check flips collapsed into one linked line.
 */
import { type Alert, formatMovement } from './alert.ts';
import type { Incident, IncidentEvent } from './monitor-incident.ts';

export const ALERT_MESSAGE_SCHEMA_VERSION = 1;

/** The events that send a message. */
export type MessageEvent = Exclude<IncidentEvent, 'none' | 'ongoing'>;

export interface AlertMessageInput {
  event: MessageEvent;
  name: string;
  runId: string;
  /** The run this one was compared with (the incident's baseline, the last healthy run). */
  baseRunId: string;
  incident: Incident;
  /** The regressions this message announces, or the recoveries. */
  alerts: readonly Alert[];
  /** Significant latency shifts of this run, shown after the components (never on a recovery). */
  latency: readonly Alert[];
  /** The run's report: a URL under --report-url, else a local path. */
  reportUrl: string;
  threshold: number;
}

/** A Slack Block Kit block, the subset this message uses. */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: true } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] };

/** The webhook body: Slack reads `text` and `blocks` (and ignores the rest); other receivers read the rest. */
export interface AlertMessage {
  /** Plain-text rendering, Slack's notification and fallback text. */
  text: string;
  blocks: SlackBlock[];
  schemaVersion: typeof ALERT_MESSAGE_SCHEMA_VERSION;
  event: MessageEvent;
  name: string;
  runId: string;
  baselineRunId: string;
  incident: { openedRunId: string; openedAt: string; status: Incident['status'] };
  reportUrl: string;
  /** Every alert of this message, check flips one by one, then the latency shifts. */
  alerts: Alert[];
}

/** Slack's limits: header text 150 characters, section text 3000. */
const HEADER_LIMIT = 150;
const SECTION_LIMIT = 3000;

const TITLES: Record<MessageEvent, { icon: string; title: string }> = {
  opened: { icon: '🔴', title: 'regression' },
  updated: { icon: '🟠', title: 'further regression' },
  reminder: { icon: '🔴', title: 'still regressed' },
  recovered: { icon: '🟢', title: 'recovered' },
};

interface AlertGroups {
  headline: Alert[];
  components: Alert[];
  checks: Alert[];
}

function groupAlerts(alerts: readonly Alert[]): AlertGroups {
  return {
    headline: alerts.filter((alert) => alert.key.startsWith('category:')),
    components: alerts.filter((alert) => alert.key.startsWith('component:')),
    checks: alerts.filter((alert) => alert.key.startsWith('check:')),
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Slack mrkdwn treats &, < and > as control characters. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isUrl(link: string): boolean {
  return /^https?:\/\//.test(link);
}

/** A mrkdwn link when the report has a URL; a local path is shown as code, since it cannot be opened. */
function mrkdwnLink(link: string, label: string): string {
  return isUrl(link)
    ? `<${link}|${escapeMrkdwn(label)}>`
    : `${escapeMrkdwn(label)}: \`${escapeMrkdwn(link)}\``;
}

function checkLine(event: MessageEvent, checks: readonly Alert[]): string {
  if (event === 'recovered')
    return `${plural(checks.length, 'check')} ${checks.length === 1 ? 'passes' : 'pass'} again`;
  return `${plural(checks.length, 'check flip')} (pass → fail)`;
}

function summaryLine(event: MessageEvent, groups: AlertGroups, latency: readonly Alert[]): string {
  const scores = groups.headline.length + groups.components.length;
  const parts = [
    scores > 0 ? plural(scores, 'score') : '',
    groups.checks.length > 0 ? plural(groups.checks.length, 'check') : '',
    latency.length > 0 ? plural(latency.length, 'latency shift') : '',
  ].filter(Boolean);
  return event === 'recovered' ? `${parts.join(', ')} back to the baseline` : parts.join(', ');
}

function headerText(input: AlertMessageInput): string {
  const { icon, title } = TITLES[input.event];
  const text = `${icon} ${input.name}: ${title}`;
  return text.length > HEADER_LIMIT ? `${text.slice(0, HEADER_LIMIT - 1)}…` : text;
}

/** Lines joined into one section, cut at Slack's limit with a count of what was left out. */
function section(lines: readonly string[]): SlackBlock {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = `…and ${lines.length - index} more`;
    if (length + line.length + 1 + more.length > SECTION_LIMIT) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return { type: 'section', text: { type: 'mrkdwn', text: kept.join('\n') } };
}

function contextText(input: AlertMessageInput): string {
  const since = input.incident.openedAt.slice(0, 10);
  const base =
    input.event === 'recovered'
      ? `incident opened ${since} by run ${input.incident.openedRunId}, closed by run ${input.runId}`
      : `run ${input.runId} compared with the last healthy run ${input.baseRunId} · threshold ${input.threshold} points`;
  return `${escapeMrkdwn(base)} · ${mrkdwnLink(input.reportUrl, 'full report')}`;
}

function blocks(input: AlertMessageInput, groups: AlertGroups): SlackBlock[] {
  const line = (alert: Alert) => `*${escapeMrkdwn(alert.what)}* ${escapeMrkdwn(formatMovement(alert))}`;
  const result: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headerText(input), emoji: true } },
  ];
  if (groups.headline.length > 0) result.push(section(groups.headline.map(line)));
  if (groups.components.length > 0) result.push(section(groups.components.map(line)));
  if (input.latency.length > 0) result.push(section(input.latency.map(line)));
  if (groups.checks.length > 0)
    result.push(section([`and ${mrkdwnLink(input.reportUrl, checkLine(input.event, groups.checks))}`]));
  result.push({ type: 'context', elements: [{ type: 'mrkdwn', text: contextText(input) }] });
  return result;
}

function plainText(input: AlertMessageInput, groups: AlertGroups): string {
  const { title } = TITLES[input.event];
  const bullet = (alert: Alert) => `• ${alert.what} ${formatMovement(alert)}`;
  const lines = [
    `agentscore ${input.name}: ${title} (${summaryLine(input.event, groups, input.latency)})`,
    ...groups.headline.map(bullet),
    ...groups.components.map(bullet),
    ...input.latency.map(bullet),
  ];
  if (groups.checks.length > 0)
    lines.push(`• and ${checkLine(input.event, groups.checks)}: ${input.reportUrl}`);
  lines.push(`report: ${input.reportUrl}`);
  return lines.join('\n');
}

export function buildAlertMessage(input: AlertMessageInput): AlertMessage {
  const latency = input.event === 'recovered' ? [] : input.latency;
  const withLatency = { ...input, latency };
  const groups = groupAlerts(input.alerts);
  return {
    text: plainText(withLatency, groups),
    blocks: blocks(withLatency, groups),
    schemaVersion: ALERT_MESSAGE_SCHEMA_VERSION,
    event: input.event,
    name: input.name,
    runId: input.runId,
    baselineRunId: input.baseRunId,
    incident: {
      openedRunId: input.incident.openedRunId,
      openedAt: input.incident.openedAt,
      status: input.incident.status,
    },
    reportUrl: input.reportUrl,
    alerts: [...groups.headline, ...groups.components, ...groups.checks, ...latency],
  };
}
