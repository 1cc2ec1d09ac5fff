/**
 * @module Monitor core: read a name's history once before the run (trend, uptime, the open incident
 * and the run to compare with), then store the finished run, compare it, step the name's incident
 * and send at most one message: to the console, `alerts.json` and an optional webhook.
 */
import { dirname, join } from 'node:path';
import type { Dispatcher } from 'undici';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import { reportLink } from './alert-links.ts';
import { type AlertMessage, buildAlertMessage } from './alert-message.ts';
import { type Alert, consoleSink, scrubAlert, writeAlertsFile } from './alerts.ts';
import { checkVerdicts } from './check-flips.ts';
import {
  compareRuns,
  DEFAULT_THRESHOLD_POINTS,
  type RunComparison,
  type RunSnapshot,
} from './compare-runs.ts';
import type { HistoryStore, StoredRun, TrendPoint } from './history-store.ts';
import { type Incident, type IncidentEvent, type IncidentStep, stepIncident } from './monitor-incident.ts';
import { type Uptime, uptimeFromHistory } from './trend.ts';
import { deliverWebhook, type WebhookDelivery } from './webhook-sink.ts';

/** Stored runs whose availability feeds reliability.uptimeSla (request-weighted). */
export const UPTIME_WINDOW_RUNS = 30;
/** Stored runs the trend chart shows. */
export const TREND_RUNS = 90;

/** What monitoring needs from history, read once before the run. */
export interface MonitorHistory {
  /** The last TREND_RUNS runs of the name, oldest first (trend chart and uptime window). */
  trend: TrendPoint[];
  /** Availability over the last UPTIME_WINDOW_RUNS stored runs. */
  uptime: Uptime;
  /**
   * The run this one is compared with: while an incident is open, its baseline (the last healthy
   * run), so a lasting regression stays the same incident and a further drop still shows; else the
   * previous run. null on a name's first run.
   */
  previous: (RunSnapshot & { runId: string }) | null;
  /** The name's open incident, or null. */
  incident: Incident | null;
}

export interface MonitorInput {
  store: HistoryStore;
  name: string;
  runId: string;
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  /** Points; default 5. */
  threshold?: number;
  webhookUrl?: string;
  /** `--report-url`: the URL that serves `servedDir`; alerts then link there instead of a local path. */
  reportSite?: { baseUrl: string; servedDir: string };
  /** Re-send an unchanged open incident after this many silent runs; default never. */
  realertAfter?: number;
  /** Removes secrets from every alert string before any sink sees it. */
  scrub: (text: string) => string;
  dispatcher?: Dispatcher;
  /** Default: `outbox.jsonl` in the parent of runDir (beside the run directories). */
  outboxPath?: string;
  /** History read before the run (readMonitorHistory); read here, before storing, when absent. */
  history?: MonitorHistory;
  /** Webhook retry tuning for tests; production uses the defaults. */
  webhookTiming?: {
    baseDelayMs?: number;
    timeoutMs?: number;
    sleep?: (milliseconds: number) => Promise<void>;
  };
}

export interface MonitorDelivery {
  /** Lines for the CLI to print, one per alert. */
  console: string[];
  /** One line on the name's incident (opened, still open, recovered), or null when there is none. */
  incidentNote: string | null;
  alertsFile: string;
  /** The one message of this run (opened, updated, reminder, recovered), or null when nothing was due. */
  message: AlertMessage | null;
  /** null when no webhook is configured or there was no message. */
  webhook: WebhookDelivery | null;
}

export interface MonitorOutcome {
  exitCode: 0 | 1;
  /** This run's regressions and latency shifts against the base run, plus the recoveries of a closed incident. */
  alerts: Alert[];
  comparison: RunComparison | null;
  firstRun: boolean;
  baseRunId: string | null;
  /** What this run did to the name's incident. */
  incidentEvent: IncidentEvent;
  /** The incident after this run (closed on recovery), or null. */
  incident: Incident | null;
  /** The run's report: a URL under --report-url, else the local path. */
  reportUrl: string;
  delivery: MonitorDelivery;
}

async function snapshot(store: HistoryStore, run: StoredRun): Promise<RunSnapshot & { runId: string }> {
  return { runId: run.runId, scorecard: run.scorecard, results: await store.runResults(run.runId) };
}

/** The incident's baseline: the run before the one that opened it (the last healthy run). */
async function baselineRun(store: HistoryStore, incident: Incident): Promise<StoredRun | null> {
  const before = await store.previousRun(incident.name, incident.openedRunId);
  return before && before.runId === incident.baselineRunId ? before : null;
}

/**
 * Everything monitoring reads from history, in one place and before the run: the trend, the
 * uptime window, the open incident and the run to compare with. `beforeRunId` names the run
 * being monitored when it may already be stored (re-saving a run replaces it).
 */
export async function readMonitorHistory(
  store: HistoryStore,
  name: string,
  options: { beforeRunId?: string } = {},
): Promise<MonitorHistory> {
  const trend = (await store.trend(name, { limit: TREND_RUNS })).filter(
    (point) => point.runId !== options.beforeRunId,
  );
  const uptime = uptimeFromHistory(trend, { runs: UPTIME_WINDOW_RUNS });
  const incident = await store.openIncident(name);
  const base =
    (incident ? await baselineRun(store, incident) : null) ??
    (await store.previousRun(name, options.beforeRunId));
  return { trend, uptime, incident, previous: base ? await snapshot(store, base) : null };
}

/**
 * The value each alert key (`category:<id>`, `component:<category>.<component>`,
 * `check:<suite>/<probe>/<check>`; see compare-runs.ts) has in a run, for the recovery message.
 */
function valueIn(scorecard: Scorecard, results: readonly ProbeResult[]) {
  let verdicts: Map<string, string> | null = null;
  return (key: string): number | string | null => {
    const [kind, path = ''] = key.split(/:(.*)/s);
    if (kind === 'category') return scorecard.scores[path as keyof Scorecard['scores']]?.score ?? null;
    if (kind === 'component') {
      const [category = '', component = ''] = path.split(/\.(.*)/s);
      return scorecard.scores[category as keyof Scorecard['scores']]?.components[component]?.score ?? null;
    }
    verdicts ??= new Map(
      [...checkVerdicts(results)].map(([verdictKey, verdict]) => {
        const [suite, probe, checkId] = JSON.parse(verdictKey) as string[];
        return [`check:${suite}/${probe}/${checkId}`, verdict];
      }),
    );
    return verdicts.get(key) ?? null;
  };
}

function incidentLine(
  event: IncidentEvent,
  incident: Incident | null,
  baseRunId: string | null,
): string | null {
  const since = incident ? `opened ${incident.openedAt.slice(0, 10)} by run ${incident.openedRunId}` : '';
  switch (event) {
    case 'opened':
      return `incident opened: regressed against run ${baseRunId}, alerted`;
    case 'updated':
      return `incident ${since}: new or deeper regressions, update alerted`;
    case 'reminder':
      return `incident ${since}: still regressed, reminder alerted`;
    case 'ongoing':
      return `incident ${since}: still regressed against the last healthy run ${baseRunId}, no new alert`;
    case 'recovered':
      return `incident ${since}: recovered (back within the threshold of run ${baseRunId}), closed and alerted`;
    default:
      return null;
  }
}

/** The run against its base, every alert string scrubbed. */
function scrubbedComparison(
  base: RunSnapshot,
  input: MonitorInput,
  threshold: number,
  reportUrl: string,
): RunComparison {
  const raw = compareRuns(
    base,
    { scorecard: input.scorecard, results: input.results },
    { threshold, reportPath: reportUrl },
  );
  const clean = (list: Alert[]) => list.map((alert) => scrubAlert(alert, input.scrub));
  return {
    ...raw,
    regressions: clean(raw.regressions),
    latencyAlerts: clean(raw.latencyAlerts),
    improvements: clean(raw.improvements),
    recoveries: clean(raw.recoveries),
  };
}

/**
 * Stores the incident the run stepped to. History was read before the run, so another monitor of
 * the same target may have opened an incident since: the database then refuses a second one, and
 * this run joins that incident silently (its monitor sent the alert).
 */
async function saveIncidentStep(
  store: HistoryStore,
  name: string,
  step: IncidentStep,
): Promise<IncidentStep> {
  if (!step.incident || step.event === 'none') return step;
  if (await store.saveIncident(step.incident)) return step;
  return { event: 'ongoing', incident: await store.openIncident(name), alerts: [] };
}

export async function monitorAfterRun(input: MonitorInput): Promise<MonitorOutcome> {
  const { store, name, runId, runDir, scrub } = input;
  const threshold = input.threshold ?? DEFAULT_THRESHOLD_POINTS;
  const history = input.history ?? (await readMonitorHistory(store, name, { beforeRunId: runId }));
  await store.saveRun({ runId, name, runDir, scorecard: input.scorecard, results: input.results });

  const site = input.reportSite;
  const reportUrl = scrub(reportLink(runDir, site && { baseUrl: site.baseUrl, dir: site.servedDir }));
  const previous = history.previous;
  const comparison = previous ? scrubbedComparison(previous, input, threshold, reportUrl) : null;
  const baseRunId = previous?.runId ?? null;
  const stepped: IncidentStep =
    comparison && baseRunId
      ? stepIncident(
          {
            open: history.incident,
            name,
            runId,
            startedAt: input.scorecard.startedAt,
            baseRunId,
            regressions: comparison.regressions,
            threshold,
            realertAfter: input.realertAfter,
            currentValue: valueIn(input.scorecard, input.results),
          },
          { target: scrub(input.scorecard.target.name), reportPath: reportUrl },
        )
      : { event: 'none' as const, incident: history.incident, alerts: [] };
  const step = await saveIncidentStep(store, name, stepped);

  const latency = comparison?.latencyAlerts ?? [];
  const recoveries = step.event === 'recovered' ? step.alerts : [];
  const alerts = [...(comparison?.regressions ?? []), ...latency, ...recoveries];
  const exitCode = comparison?.exitCode ?? 0;
  const message =
    step.incident && baseRunId && step.event !== 'none' && step.event !== 'ongoing'
      ? buildAlertMessage({
          event: step.event,
          name: scrub(name),
          runId,
          baseRunId,
          incident: step.incident,
          alerts: step.alerts,
          latency,
          reportUrl,
          threshold,
        })
      : null;

  const alertsFile = writeAlertsFile(runDir, {
    schemaVersion: 1,
    name,
    runId,
    baseRunId,
    exitCode,
    alerts,
    incident: step.incident ? { event: step.event, ...step.incident } : null,
    reportUrl,
  });
  let webhook: WebhookDelivery | null = null;
  if (input.webhookUrl && message) {
    webhook = await deliverWebhook({
      url: input.webhookUrl,
      payload: message,
      outboxPath: input.outboxPath ?? join(dirname(runDir), 'outbox.jsonl'),
      dispatcher: input.dispatcher,
      scrub,
      ...input.webhookTiming,
    });
  }
  return {
    exitCode,
    alerts,
    comparison,
    firstRun: previous === null,
    baseRunId,
    incidentEvent: step.event,
    incident: step.incident,
    reportUrl,
    delivery: {
      console: consoleSink(alerts),
      incidentNote: incidentLine(step.event, step.incident, baseRunId),
      alertsFile,
      message,
      webhook,
    },
  };
}
