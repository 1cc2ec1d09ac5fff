/** @module `agentscore run`: evaluate one target. */
import { resolve } from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';
import { loadRunSuites, prepareRun, RUN_OPTIONS, readRunOptions } from '../run-options.ts';
import { RUN_OUTPUT_OPTIONS, readRunOutputOptions } from '../run-outputs.ts';
import { loadRunConfig, resolveTarget, TARGET_OPTIONS } from '../target-options.ts';
import { estimateRun, planSummary } from './plan.ts';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'evaluate one target and write results, scorecard and reports',
  usage: '(--target NAME | --provider KIND --base-url URL --model ID [--api-key-env VAR]) [options]',
  options: [...TARGET_OPTIONS, ...RUN_OPTIONS, ...RUN_OUTPUT_OPTIONS, JSON_OPTION],
  details: [
    'Examples:',
    '  MISTRAL_API_KEY=... npx agentscore run --target mistral',
    '  npx agentscore run --provider openai-compatible --base-url http://127.0.0.1:8000/v1 --model my-model --api-key-env MY_KEY --out reports/mine',
    '  GROQ_API_KEY=... npx agentscore run --target groq --fail-under security=80',
    '',
    'The key is read from the named environment variable and never written anywhere.',
    "Settings: a flag wins over the config file's defaults, which win over the built-in values.",
    'A run folder holds one run: an earlier run in --out is moved to <out>.previous-<its start>;',
    'only --resume continues it, and only with the same target and plan.',
  ].join('\n'),
  async run(options, _positionals, io) {
    const { runEvaluation } = await import('../run-evaluation.ts');
    const loaded = await loadRunConfig(options, io);
    const run = readRunOptions(options, loaded.config?.defaults);
    const { target, apiKey } = await resolveTarget(options, loaded, io, { keyRequired: !run.replayDir });
    const runDir = resolve(
      io.cwd,
      (options.out as string | undefined) ?? `reports/${target.name.replace(/[^\w.-]+/g, '_')}`,
    );
    // Suites are read once: for the estimate, then for the plan check and the run folder.
    const suites = await loadRunSuites(run, io);
    const plan = await estimateRun(run, target, io, suites);
    const { tokenBudgetFor } = await import('../../run/token-budget.ts');
    const tokenBudget = tokenBudgetFor(target.model, run, plan.cost?.price ?? null);
    await prepareRun(run, target, runDir, io, suites);
    io.stderr.write(`${planSummary(plan)}\n`);
    const outputs = await readRunOutputOptions(options, { cwd: io.cwd, runDir });
    if (!options.json) {
      const { code } = await runEvaluation({ target, apiKey, runDir, ...run, tokenBudget, outputs }, io);
      return code;
    }
    // Everything the run says for people goes to stderr; stdout carries the one JSON document.
    const { code, evaluation } = await runEvaluation(
      { target, apiKey, runDir, ...run, tokenBudget, outputs },
      { ...io, stdout: io.stderr },
    );
    const { runFiles } = await import('../../api/run-files.ts');
    writeJson(io, {
      exitCode: code,
      runDir,
      target: evaluation.target.name,
      summary: evaluation.summary && {
        requests: evaluation.summary.requests,
        throttled: evaluation.summary.throttled,
        interrupted: evaluation.summary.interrupted,
        budgetExhausted: evaluation.summary.budgetExhausted,
      },
      files: runFiles(runDir, evaluation.reportPaths),
      scorecard: evaluation.scorecard,
    });
    return code;
  },
};
