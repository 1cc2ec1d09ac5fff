/**
 * @module What a finished run hands the tools around it: score gates (`--fail-under`, exit 1), a
 * Prometheus textfile (`--prometheus FILE`), and in GitHub Actions a job summary and annotations.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ScoreGate } from '../scoring/score-gates.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import { type CliIo, type ParsedOptions, UsageError } from './cli-command.ts';

export interface RunOutputOptions {
  failUnder?: ScoreGate[];
  prometheusFile?: string;
  reportUrl?: string;
}

export const RUN_OUTPUT_OPTIONS = [
  {
    name: 'fail-under',
    type: 'string' as const,
    valueName: 'GATES',
    description: 'exit 1 when a score is below its gate, e.g. security=80,agentFriendliness.documentation=60',
  },
  {
    name: 'prometheus',
    type: 'string' as const,
    valueName: 'FILE',
    description: "write the scores as Prometheus gauges (node_exporter's textfile collector), atomically",
  },
];

export async function readRunOutputOptions(options: ParsedOptions): Promise<RunOutputOptions> {
  const text = options['fail-under'];
  let failUnder: ScoreGate[] | undefined;
  if (typeof text === 'string') {
    const { parseGates } = await import('../scoring/score-gates.ts');
    try {
      failUnder = parseGates(text);
    } catch (error) {
      throw new UsageError(`--fail-under: ${(error as Error).message}`);
    }
  }
  return {
    ...(failUnder ? { failUnder } : {}),
    ...(typeof options.prometheus === 'string' ? { prometheusFile: options.prometheus } : {}),
    ...(typeof options['report-url'] === 'string' ? { reportUrl: options['report-url'] } : {}),
  };
}

/** Publishes the run's outputs; returns 1 when a gate failed, else 0. */
export async function publishRunOutputs(
  scorecard: Scorecard,
  outputs: RunOutputOptions,
  io: CliIo,
): Promise<number> {
  const { evaluateGates } = await import('../scoring/score-gates.ts');
  const failures = outputs.failUnder ? evaluateGates(scorecard, outputs.failUnder) : [];
  for (const failure of failures) io.stderr.write(`gate failed: ${failure.message}\n`);
  if (outputs.prometheusFile) {
    const { renderPrometheusTextfile } = await import('../report/exports/prometheus-textfile.ts');
    const { writeFileAtomic } = await import('../report/write-file-atomic.ts');
    const file = resolve(io.cwd, outputs.prometheusFile);
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, renderPrometheusTextfile(scorecard));
  }
  if (io.env.GITHUB_ACTIONS === 'true') {
    const { githubAnnotations, githubStepSummary } = await import('../report/exports/github-actions.ts');
    const findings = failures.map((failure) => ({
      level: 'error' as const,
      title: `agentscore gate ${failure.gate.path}`,
      message: failure.message,
    }));
    if (scorecard.validity?.valid === false)
      findings.unshift({
        level: 'error',
        title: 'agentscore could not measure',
        message: scorecard.validity.message ?? 'not measured',
      });
    io.stdout.write(githubAnnotations(findings));
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) {
      const { appendFile } = await import('node:fs/promises');
      await appendFile(summaryFile, githubStepSummary(scorecard, findings, outputs.reportUrl));
    }
  }
  return failures.length > 0 ? 1 : 0;
}
