/**
 * @module A monitored run in three steps that touch history once each: read the name's history
 * (trend, uptime window, the run to compare with) before the run; evaluate, scoring and rendering
 * once with that history; then store, compare and alert.
 */
import type { HistoryStore } from '../history/history-store.ts';
import {
  type MonitorHistory,
  type MonitorInput,
  type MonitorOutcome,
  monitorAfterRun,
  readMonitorHistory,
} from '../history/monitor.ts';
import type { HistoricRun } from '../report/dpa/held-since.ts';
import type { HistoryPoint } from '../report/report-rows.ts';
import type { HistoryEvidence } from '../spec/probe-result.ts';
import type { Evaluation } from './evaluate-target.ts';

/** What the evaluation takes from history: uptime evidence to score with, the trend to chart. */
export interface MonitorEvaluationInputs {
  historyEvidence: HistoryEvidence[];
  history: HistoryPoint[];
  /** Earlier runs with their results, newest first: how long each tested measure has held. */
  priorRuns: HistoricRun[];
}

/** Runs the DPA assessment looks back over ("since when has erasure been verified?"). */
const PRIOR_RUNS = 30;

export interface PreparedMonitor {
  history: MonitorHistory;
  evaluation: MonitorEvaluationInputs;
}

/** Read everything monitoring needs from history before the run starts. */
export async function prepareMonitor(store: HistoryStore, name: string): Promise<PreparedMonitor> {
  const history = await readMonitorHistory(store, name);
  const { uptime } = history;
  const historyEvidence: HistoryEvidence[] =
    uptime.requests > 0
      ? [
          {
            component: 'reliability.uptimeSla',
            check: 'availability-history',
            passed: uptime.successes,
            failed: uptime.requests - uptime.successes,
            runs: uptime.runs,
          },
        ]
      : [];
  const stored = await store.latestRuns(name, PRIOR_RUNS);
  const priorRuns: HistoricRun[] = [];
  for (const run of stored)
    priorRuns.push({ startedAt: run.startedAt, results: await store.runResults(run.runId) });
  return { history, evaluation: { historyEvidence, history: history.trend, priorRuns } };
}

export interface MonitorTargetInput extends Pick<MonitorInput, 'reportSite' | 'realertAfter'> {
  store: HistoryStore;
  name: string;
  runDir: string;
  evaluation: Evaluation;
  /** From prepareMonitor, read before the run. */
  history: MonitorHistory;
  threshold: number;
  webhookUrl?: string;
  scrub: (text: string) => string;
}

/** Store the evaluated run, compare it with the previous one and alert; nothing is re-scored or re-rendered. */
export async function monitorTarget(input: MonitorTargetInput): Promise<{ outcome: MonitorOutcome }> {
  const { evaluation } = input;
  const outcome = await monitorAfterRun({
    store: input.store,
    name: input.name,
    runId: evaluation.manifest.runId,
    runDir: input.runDir,
    scorecard: evaluation.scorecard,
    results: evaluation.results,
    history: input.history,
    threshold: input.threshold,
    webhookUrl: input.webhookUrl,
    scrub: input.scrub,
    reportSite: input.reportSite,
    realertAfter: input.realertAfter,
  });
  return { outcome };
}
