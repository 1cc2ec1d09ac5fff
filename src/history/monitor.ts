/**
 * @module Monitor core: read a name's history once before the run, then store the finished run,
 * compare it with the previous run of the same name, and send the resulting alerts to the
 * console, `alerts.json` and an optional webhook.
 */
import { dirname, join } from 'node:path';
import type { Dispatcher } from 'undici';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import { type Alert, consoleSink, scrubAlert, slackText, writeAlertsFile } from './alerts.ts';
import {
  compareRuns,
  DEFAULT_THRESHOLD_POINTS,
  type RunComparison,
  type RunSnapshot,
} from './compare-runs.ts';
import type { HistoryStore, StoredRun, TrendPoint } from './history-store.ts';
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
  /** The run this one is compared with, or null on a name's first run. */
  previous: (RunSnapshot & { runId: string }) | null;
  /** Keys that regressed when `previous` was compared with the run before it (for recoveries). */
  previousRegressions: string[];
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
  /** Lines for the CLI to print. */
  console: string[];
  alertsFile: string;
  /** null when no webhook is configured or there was nothing to send. */
  webhook: WebhookDelivery | null;
}

export interface MonitorOutcome {
  exitCode: 0 | 1;
  alerts: Alert[];
  comparison: RunComparison | null;
  firstRun: boolean;
  baseRunId: string | null;
  delivery: MonitorDelivery;
}

async function snapshot(store: HistoryStore, run: StoredRun): Promise<RunSnapshot> {
  return { scorecard: run.scorecard, results: await store.runResults(run.runId) };
}

/** Keys that regressed when the previous run was compared with the one before it. */
async function previousRegressionKeys(
  store: HistoryStore,
  name: string,
  previous: StoredRun,
  previousSnapshot: RunSnapshot,
  threshold: number,
) {
  const older = await store.previousRun(name, previous.runId);
  if (!older) return [];
  const comparison = compareRuns(await snapshot(store, older), previousSnapshot, { threshold });
  return comparison.regressions.map((alert) => alert.key);
}

/**
 * Everything monitoring reads from history, in one place and before the run: the trend, the
 * uptime window, the run to compare with and what regressed last time. `beforeRunId` names the
 * run being monitored when it may already be stored (re-saving a run replaces it).
 */
export async function readMonitorHistory(
  store: HistoryStore,
  name: string,
  options: { threshold: number; beforeRunId?: string },
): Promise<MonitorHistory> {
  const { threshold } = options;
  const trend = (await store.trend(name, { limit: TREND_RUNS })).filter(
    (point) => point.runId !== options.beforeRunId,
  );
  const uptime = uptimeFromHistory(trend, { runs: UPTIME_WINDOW_RUNS });
  const previousRun = await store.previousRun(name, options.beforeRunId);
  if (!previousRun) return { trend, uptime, previous: null, previousRegressions: [] };
  const previous = { runId: previousRun.runId, ...(await snapshot(store, previousRun)) };
  return {
    trend,
    uptime,
    previous,
    previousRegressions: await previousRegressionKeys(store, name, previousRun, previous, threshold),
  };
}

export async function monitorAfterRun(input: MonitorInput): Promise<MonitorOutcome> {
  const { store, name, runId, runDir, scrub } = input;
  const threshold = input.threshold ?? DEFAULT_THRESHOLD_POINTS;
  const history = input.history ?? (await readMonitorHistory(store, name, { threshold, beforeRunId: runId }));
  await store.saveRun({ runId, name, runDir, scorecard: input.scorecard, results: input.results });

  const previous = history.previous;
  let comparison: RunComparison | null = null;
  if (previous) {
    const raw = compareRuns(
      previous,
      { scorecard: input.scorecard, results: input.results },
      {
        threshold,
        reportPath: join(runDir, 'report.html'),
        previousRegressions: history.previousRegressions,
      },
    );
    const clean = (list: Alert[]) => list.map((alert) => scrubAlert(alert, scrub));
    comparison = {
      ...raw,
      regressions: clean(raw.regressions),
      latencyAlerts: clean(raw.latencyAlerts),
      improvements: clean(raw.improvements),
      recoveries: clean(raw.recoveries),
    };
  }
  const alerts = comparison
    ? [...comparison.regressions, ...comparison.latencyAlerts, ...comparison.recoveries]
    : [];
  const exitCode = comparison?.exitCode ?? 0;
  const baseRunId = previous?.runId ?? null;

  const alertsFile = writeAlertsFile(runDir, { schemaVersion: 1, name, runId, baseRunId, exitCode, alerts });
  let webhook: WebhookDelivery | null = null;
  if (input.webhookUrl && alerts.length > 0) {
    webhook = await deliverWebhook({
      url: input.webhookUrl,
      payload: { text: slackText(scrub(name), alerts), alerts },
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
    delivery: { console: consoleSink(alerts), alertsFile, webhook },
  };
}
