/**
 * @module After a monitored run: carry availability over from stored history into the scorecard,
 * then store, compare, alert, and re-render the reports with their trend chart.
 */
import type { HistoryStore } from '../history/history-store.ts';
import { type MonitorOutcome, monitorAfterRun } from '../history/monitor.ts';
import { uptimeFromHistory } from '../history/trend.ts';
import { writeReports } from '../report/write-reports.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { Evaluation } from './evaluate-target.ts';
import { writeHistoryEvidence } from './history-evidence-file.ts';
import { scoreRun } from './score-run.ts';

/** Stored runs whose availability feeds reliability.uptimeSla (request-weighted). */
export const UPTIME_WINDOW_RUNS = 30;

export interface MonitorTargetInput {
  store: HistoryStore;
  name: string;
  runDir: string;
  evaluation: Evaluation;
  threshold: number;
  webhookUrl?: string;
  scrub: (text: string) => string;
}

export async function monitorTarget(
  input: MonitorTargetInput,
): Promise<{ outcome: MonitorOutcome; scorecard: Scorecard }> {
  const { store, name, runDir, evaluation } = input;
  let { scorecard, results, profile } = evaluation;
  const earlier = await store.trend(name, { limit: UPTIME_WINDOW_RUNS });
  const uptime = uptimeFromHistory(earlier, { runs: UPTIME_WINDOW_RUNS });
  if (uptime.requests > 0) {
    writeHistoryEvidence(runDir, [
      {
        component: 'reliability.uptimeSla',
        check: 'availability-history',
        passed: uptime.successes,
        failed: uptime.requests - uptime.successes,
        runs: uptime.runs,
      },
    ]);
    ({ scorecard, results, profile } = await scoreRun(runDir));
  }
  const outcome = await monitorAfterRun({
    store,
    name,
    runId: evaluation.manifest.runId,
    runDir,
    scorecard,
    results,
    threshold: input.threshold,
    webhookUrl: input.webhookUrl,
    scrub: input.scrub,
  });
  const history = await store.trend(name, { limit: 90 });
  await writeReports({
    runDir,
    scorecard,
    results,
    profile,
    history: history.length >= 2 ? history : undefined,
  });
  return { outcome, scorecard };
}
