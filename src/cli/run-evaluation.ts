/** @module Shared by run, demo and monitor: signals, provider, evaluation, headline, exit code. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { executeEvaluation } from '../api/execute-evaluation.ts';
import { sdkServerUrl } from '../providers/mistral-sdk-driver.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import type { EvaluateOptions, Evaluation } from '../run/evaluate-target.ts';
import type { Shard } from '../run/plan-probes.ts';
import { preflightSentence, validateBaseUrl } from '../run/preflight.ts';
import { publishRunOutputs, type RunOutputOptions } from '../run/publish-run-outputs.ts';
import type { RunValidity } from '../spec/scorecard.ts';
import type { Target } from '../spec/target.ts';
import {
  type CliIo,
  EXIT_INCOMPLETE,
  EXIT_INTERRUPTED,
  EXIT_OK,
  EXIT_REGRESSION,
  EXIT_USAGE,
  UsageError,
} from './cli-command.ts';
import { createProgress } from './progress.ts';
import { REPORT_FILES, runSummaryLines } from './run-summary.ts';
import { terminalStyle, usableColumns } from './terminal-style.ts';

export interface EvaluationRequest {
  target: Target;
  apiKey: string;
  runDir: string;
  suitesDir?: string;
  onlySuites?: string[];
  concurrency: number;
  timeoutMs: number;
  shard?: Shard;
  budgetRequests?: number;
  /** `--budget-tokens` / `--budget-cost`, resolved against the profile's price. */
  tokenBudget?: EvaluateOptions['tokenBudget'];
  /** Per-run time cap: on expiry the run stops like on SIGINT, but exits 3 (no cap by default). */
  maxRunSeconds?: number;
  resume?: boolean;
  junitFile?: string;
  reporters?: ReporterName[];
  /** Monitoring: uptime evidence from stored runs and the trend to chart (read before the run). */
  historyEvidence?: EvaluateOptions['historyEvidence'];
  history?: EvaluateOptions['history'];
  priorRuns?: EvaluateOptions['priorRuns'];
  alternatives?: EvaluateOptions['alternatives'];
  recordDir?: string;
  replayDir?: string;
  /** Gates, Prometheus textfile, report URL for CI summaries. */
  outputs?: RunOutputOptions;
}

/** Exit 2 when the user can fix the input (URL, key, model); 3 when the target could not be measured. */
const USAGE_REASONS = new Set<RunValidity['reason']>(['key-rejected', 'wrong-base-url', 'model-unknown']);

export async function runEvaluation(
  request: EvaluationRequest,
  io: CliIo,
): Promise<{ code: number; evaluation: Evaluation }> {
  // Refused before any request: `127.0.0.1:8000` would otherwise become 84 internal errors.
  const badUrl = validateBaseUrl(request.target.baseUrl);
  if (badUrl !== null) throw new UsageError(badUrl);
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    io.stderr.write(
      `\n${signal}: letting in-flight probes finish (up to 5 s), then writing a partial scorecard\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let timedOut = false;
  const runTimer =
    request.maxRunSeconds === undefined
      ? undefined
      : setTimeout(() => {
          if (controller.signal.aborted) return;
          timedOut = true;
          io.stderr.write(
            `\n--max-run-seconds ${request.maxRunSeconds} reached: letting in-flight probes finish (up to 5 s), then writing a partial scorecard\n`,
          );
          controller.abort();
        }, request.maxRunSeconds * 1000);
  const progress = createProgress(io.stderr as NodeJS.WritableStream & { isTTY?: boolean });
  io.stderr.write(
    `evaluating ${request.target.name} (${request.target.provider}, ${request.target.baseUrl}, model ${request.target.model}) → ${request.runDir}\n`,
  );
  try {
    const { outputs: _outputs, maxRunSeconds: _maxRunSeconds, ...evaluationRequest } = request;
    const evaluation = await executeEvaluation({
      ...evaluationRequest,
      signal: controller.signal,
      events: progress,
    });
    progress.finish();
    const { summary, scorecard, preflight } = evaluation;
    const said = 'outcome' in preflight && preflight.outcome === 'ok' ? preflightSentence(preflight) : null;
    if (said) io.stderr.write(`${said}\n`);
    if (
      evaluation.target.provider === 'mistral' &&
      !request.replayDir &&
      sdkServerUrl(evaluation.target.baseUrl) === null
    )
      io.stderr.write(
        `the Mistral SDK adds /v1 itself and cannot be pointed at ${evaluation.target.baseUrl}: SDK probes are skipped\n`,
      );
    const validity = scorecard.validity ?? { valid: true };
    if (!validity.valid) io.stderr.write(`Could not measure ${request.target.name}: ${validity.message}\n`);
    const lines = runSummaryLines(
      {
        scorecard,
        measured: validity.valid,
        requests: summary ? { sent: summary.requests, throttled: summary.throttled } : undefined,
        runDir: request.runDir,
        files: REPORT_FILES.filter((file) => existsSync(join(request.runDir, file))),
      },
      terminalStyle(io.stdout, io.env),
      io.stdout.isTTY ? usableColumns(io.stdout) : null,
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    if (timedOut) return { code: EXIT_INCOMPLETE, evaluation };
    if (summary?.interrupted) return { code: EXIT_INTERRUPTED, evaluation };
    if (summary?.budgetExhausted) {
      io.stderr.write(
        `${request.tokenBudget ? 'a request, token or cost budget' : 'the request budget'} ran out: later probes were skipped (raise --budget-requests${request.tokenBudget ? ', --budget-tokens or --budget-cost' : ''} to run them)\n`,
      );
    }
    const gateCode = await publishRunOutputs(scorecard, request.outputs ?? {}, { ...io, env: io.env });
    if (!validity.valid)
      return { code: USAGE_REASONS.has(validity.reason) ? EXIT_USAGE : EXIT_INCOMPLETE, evaluation };
    return { code: gateCode === 0 ? EXIT_OK : EXIT_REGRESSION, evaluation };
  } finally {
    clearTimeout(runTimer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
