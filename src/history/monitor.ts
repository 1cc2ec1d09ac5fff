/**
 * @module Monitor core: store a finished run, compare it with the previous run of the same name,
 * and send the resulting alerts to the console, `alerts.json` and an optional webhook.
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
import type { HistoryStore, StoredRun } from './history-store.ts';
import { deliverWebhook, type WebhookDelivery } from './webhook-sink.ts';

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
  threshold: number,
) {
  const older = await store.previousRun(name, previous.runId);
  if (!older) return [];
  const comparison = compareRuns(await snapshot(store, older), await snapshot(store, previous), {
    threshold,
  });
  return comparison.regressions.map((alert) => alert.key);
}

export async function monitorAfterRun(input: MonitorInput): Promise<MonitorOutcome> {
  const { store, name, runId, runDir, scrub } = input;
  const threshold = input.threshold ?? DEFAULT_THRESHOLD_POINTS;
  await store.saveRun({ runId, name, runDir, scorecard: input.scorecard, results: input.results });

  const previous = await store.previousRun(name, runId);
  let comparison: RunComparison | null = null;
  if (previous) {
    const raw = compareRuns(
      await snapshot(store, previous),
      { scorecard: input.scorecard, results: input.results },
      {
        threshold,
        reportPath: join(runDir, 'report.html'),
        previousRegressions: await previousRegressionKeys(store, name, previous, threshold),
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
