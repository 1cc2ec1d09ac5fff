/** @module `agentscore monitor`: run, store, compare with the previous run of that name, alert. */
import { appendFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseReportBaseUrl, servedRunPath } from '../../history/alert-links.ts';
import type { MonitorOutcome } from '../../history/monitor.ts';
import { type CliCommand, type CliIo, EXIT_OK, UsageError } from '../cli-command.ts';
import {
  DB_OPTION,
  dbLocation,
  loadRunSuites,
  positiveInteger,
  prepareRun,
  RUN_OPTIONS,
  readRunOptions,
  readThreshold,
  THRESHOLD_OPTION,
} from '../run-options.ts';
import { RUN_OUTPUT_OPTIONS, readRunOutputOptions } from '../run-outputs.ts';
import { loadRunConfig, resolveTarget, TARGET_OPTIONS } from '../target-options.ts';

/** `--report-url BASE`, checked before the run: BASE serves the working directory, so the run folder must be inside it. */
function readReportSite(value: unknown, cwd: string, runDir: string) {
  if (typeof value !== 'string') return undefined;
  try {
    const baseUrl = parseReportBaseUrl(value);
    servedRunPath(cwd, runDir);
    return { baseUrl, servedDir: cwd };
  } catch (error) {
    throw new UsageError(`--report-url: ${(error as Error).message}`);
  }
}

/** In CI: the incident in the job summary ($GITHUB_STEP_SUMMARY) and, on GitHub Actions, an annotation. */
async function publishMonitorOutcome(name: string, outcome: MonitorOutcome, io: CliIo): Promise<void> {
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const { monitorStepSummary } = await import('../../history/monitor-summary.ts');
    await appendFile(resolve(io.cwd, summaryFile), monitorStepSummary(name, outcome));
  }
  if (io.env.GITHUB_ACTIONS === 'true' && outcome.delivery.incidentNote && outcome.incidentEvent !== 'none') {
    const { githubAnnotations } = await import('../../report/exports/github-actions.ts');
    const level = outcome.exitCode === 1 ? ('error' as const) : ('warning' as const);
    io.stdout.write(
      githubAnnotations([
        { level, title: `agentscore monitor ${name}`, message: outcome.delivery.incidentNote },
      ]),
    );
  }
}

export const monitorCommand: CliCommand = {
  name: 'monitor',
  summary:
    'run + store in history + compare with the previous run of that name + alert; exit 1 on regression',
  usage:
    '--name NAME <target flags as run> [--db FILE|URL] [--webhook URL] [--report-url BASE] [--realert-after RUNS] [--threshold POINTS] [--out DIR]',
  options: [
    ...TARGET_OPTIONS,
    ...RUN_OPTIONS,
    ...RUN_OUTPUT_OPTIONS,
    DB_OPTION,
    {
      name: 'webhook',
      type: 'string',
      valueName: 'URL',
      description:
        'POST one message per incident here (Slack Block Kit blocks, a text fallback, JSON fields)',
    },
    {
      name: 'realert-after',
      type: 'string',
      valueName: 'RUNS',
      description:
        'repeat the message of an unchanged open incident after this many silent runs (default: never)',
    },
    THRESHOLD_OPTION,
  ],
  details:
    'The run folder defaults to reports/<name>/<timestamp>. A regression opens an incident: one message, then silence while it lasts (compared with the last healthy run), an update on a new or deeper regression, and one recovery message that closes it. Alerts go to the console, alerts.json beside the run, the webhook (undeliverable messages land in outbox.jsonl) and, with GITHUB_STEP_SUMMARY set, the job summary.',
  async run(options, _positionals, io) {
    const { monitorTarget, prepareMonitor } = await import('../../run/monitor-target.ts');
    const { historyLocation, openHistoryStore } = await import('../../history/open-history-store.ts');
    const { createScrubber } = await import('../../providers/scrub-secrets.ts');
    const { runEvaluation } = await import('../run-evaluation.ts');
    const { formatComparison } = await import('./compare-format.ts');
    if (typeof options.name !== 'string')
      throw new UsageError('monitor needs --name NAME (the series this run belongs to)');
    const threshold = readThreshold(options);
    const realertAfter = positiveInteger(options, 'realert-after');
    if (options.resume && options.out === undefined)
      throw new UsageError(
        '--resume needs --out: monitor starts a new timestamped folder for every run otherwise',
      );
    const loaded = await loadRunConfig(options, io);
    const run = readRunOptions(options, loaded.config?.defaults);
    const { target, apiKey } = await resolveTarget(options, loaded, io, { keyRequired: !run.replayDir });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const runDir = resolve(
      io.cwd,
      (options.out as string | undefined) ?? join('reports', options.name.replace(/[^\w.-]+/g, '_'), stamp),
    );
    const reportSite = readReportSite(options['report-url'], io.cwd, runDir);
    // The same plan and token/cost budgets as `run`, so the budget flags are honoured here too.
    const { estimateRun, planSummary } = await import('./plan.ts');
    const { tokenBudgetFor } = await import('../../run/token-budget.ts');
    // Suites are read once: for the estimate, then for the plan check and the run folder.
    const suites = await loadRunSuites(run, io);
    const plan = await estimateRun(run, target, io, suites);
    const tokenBudget = tokenBudgetFor(target.model, run, plan.cost?.price ?? null);
    await prepareRun(run, target, runDir, io, suites);
    io.stderr.write(`${planSummary(plan)}\n`);
    const store = await openHistoryStore(historyLocation(io.cwd, dbLocation(options)));
    try {
      // History is read once, before the run; the run is then scored and rendered once with it.
      const prepared = await prepareMonitor(store, options.name);
      // The latest run of every other name in the same history: the report ranks them as Alternatives.
      const { alternativeInputs, entriesFromHistory } = await import('../../board/board-entries.ts');
      const alternatives = alternativeInputs(await entriesFromHistory(store, options.name), runDir);
      const outputs = await readRunOutputOptions(options, { cwd: io.cwd, runDir });
      const { code, evaluation } = await runEvaluation(
        { target, apiKey, runDir, ...run, ...prepared.evaluation, alternatives, tokenBudget, outputs },
        io,
      );
      // A run that measured nothing is not history: storing its nulls would break trends and alerts.
      if (evaluation.scorecard.validity?.valid === false) {
        io.stderr.write(`not stored in history: the run could not measure ${target.name}\n`);
        return code;
      }
      const { outcome } = await monitorTarget({
        store,
        name: options.name,
        runDir,
        evaluation,
        history: prepared.history,
        threshold,
        webhookUrl: options.webhook as string | undefined,
        scrub: createScrubber([apiKey]),
        reportSite,
        realertAfter,
      });
      const { uptime } = prepared.history;
      if (uptime.requests > 0) {
        io.stdout.write(
          `Reliability counts the availability of ${uptime.runs} earlier run(s) (${uptime.requests} requests)\n`,
        );
      }
      if (outcome.firstRun)
        io.stdout.write(`first run of "${options.name}": stored, nothing to compare with yet\n`);
      else if (outcome.comparison) {
        // While an incident is open the base is its baseline, not last night's run: say which.
        const base = prepared.history.incident ? 'the last healthy run' : 'the previous run';
        io.stdout.write(`compared with ${base} ${outcome.baseRunId}\n`);
        io.stdout.write(formatComparison(outcome.comparison));
      }
      for (const line of outcome.delivery.console) io.stdout.write(`alert: ${line}\n`);
      if (outcome.delivery.incidentNote) io.stdout.write(`${outcome.delivery.incidentNote}\n`);
      await publishMonitorOutcome(options.name, outcome, io);
      const webhook = outcome.delivery.webhook;
      if (webhook?.status === 'undeliverable')
        io.stderr.write(
          `webhook undeliverable after ${webhook.attempts} attempt(s): ${webhook.error}; alerts kept in ${webhook.outboxPath}\n`,
        );
      return code !== EXIT_OK ? code : outcome.exitCode;
    } finally {
      await store.close();
    }
  },
};
