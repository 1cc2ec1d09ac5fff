/** @module `agentscore monitor`: run, store, compare with the previous run of that name, alert. */
import { join, resolve } from 'node:path';
import { type CliCommand, EXIT_OK, UsageError } from '../cli-command.ts';
import {
  DB_OPTION,
  dbLocation,
  prepareRun,
  RUN_OPTIONS,
  readRunOptions,
  readThreshold,
  THRESHOLD_OPTION,
} from '../run-options.ts';
import { RUN_OUTPUT_OPTIONS, readRunOutputOptions } from '../run-outputs.ts';
import { loadRunConfig, resolveTarget, TARGET_OPTIONS } from '../target-options.ts';

export const monitorCommand: CliCommand = {
  name: 'monitor',
  summary:
    'run + store in history + compare with the previous run of that name + alert; exit 1 on regression',
  usage: '--name NAME <target flags as run> [--db FILE|URL] [--webhook URL] [--threshold POINTS] [--out DIR]',
  options: [
    ...TARGET_OPTIONS,
    ...RUN_OPTIONS,
    ...RUN_OUTPUT_OPTIONS,
    DB_OPTION,
    {
      name: 'webhook',
      type: 'string',
      valueName: 'URL',
      description: 'POST alerts here (JSON with a Slack-compatible text field)',
    },
    THRESHOLD_OPTION,
  ],
  details:
    'The run folder defaults to reports/<name>/<timestamp>. Alerts go to the console, alerts.json beside the run, and the webhook (undeliverable alerts land in outbox.jsonl).',
  async run(options, _positionals, io) {
    const { monitorTarget, prepareMonitor } = await import('../../run/monitor-target.ts');
    const { historyLocation, openHistoryStore } = await import('../../history/open-history-store.ts');
    const { createScrubber } = await import('../../providers/scrub-secrets.ts');
    const { runEvaluation } = await import('../run-evaluation.ts');
    const { formatComparison } = await import('./compare-format.ts');
    if (typeof options.name !== 'string')
      throw new UsageError('monitor needs --name NAME (the series this run belongs to)');
    const threshold = readThreshold(options);
    if (options.resume && options.out === undefined)
      throw new UsageError(
        '--resume needs --out: monitor starts a new timestamped folder for every run otherwise',
      );
    const loaded = await loadRunConfig(options, io);
    const run = readRunOptions(options, loaded.config?.defaults);
    const { target, apiKey } = resolveTarget(options, loaded, io, { keyRequired: !run.replayDir });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const runDir = resolve(
      io.cwd,
      (options.out as string | undefined) ?? join('reports', options.name.replace(/[^\w.-]+/g, '_'), stamp),
    );
    // The same plan and token/cost budgets as `run`, so the budget flags are honoured here too.
    const { estimateRun, planSummary } = await import('./plan.ts');
    const { tokenBudgetFor } = await import('../../run/token-budget.ts');
    const plan = await estimateRun(run, target, io);
    const tokenBudget = tokenBudgetFor(target.model, run, plan.cost?.price ?? null);
    await prepareRun(run, target, runDir, io);
    io.stderr.write(`${planSummary(plan)}\n`);
    const store = await openHistoryStore(historyLocation(io.cwd, dbLocation(options)));
    try {
      // History is read once, before the run; the run is then scored and rendered once with it.
      const prepared = await prepareMonitor(store, options.name, threshold);
      const outputs = await readRunOutputOptions(options);
      const { code, evaluation } = await runEvaluation(
        { target, apiKey, runDir, ...run, ...prepared.evaluation, tokenBudget, outputs },
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
      });
      const { uptime } = prepared.history;
      if (uptime.requests > 0) {
        io.stdout.write(
          `Reliability counts the availability of ${uptime.runs} earlier run(s) (${uptime.requests} requests)\n`,
        );
      }
      if (outcome.firstRun)
        io.stdout.write(`first run of "${options.name}": stored, nothing to compare with yet\n`);
      else if (outcome.comparison) io.stdout.write(formatComparison(outcome.comparison));
      for (const line of outcome.delivery.console) io.stdout.write(`alert: ${line}\n`);
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
