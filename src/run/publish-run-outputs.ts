/**
 * @module What a finished run hands the tools around it: score gates (`--fail-under`, exit 1), a
 * Prometheus textfile (`--prometheus FILE`), and in GitHub Actions a job summary and annotations.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { githubAnnotations, githubStepSummary } from '../report/exports/github-actions.ts';
import { renderPrometheusTextfile } from '../report/exports/prometheus-textfile.ts';
import { writeFileAtomic } from '../report/write-file-atomic.ts';
import { evaluateGates, parseGates, type ScoreGate } from '../scoring/score-gates.ts';
import type { Scorecard } from '../spec/scorecard.ts';

export { parseGates };

export interface RunOutputOptions {
  failUnder?: ScoreGate[];
  prometheusFile?: string;
  /** The run's report.html as a URL (`--report-url`), linked from CI summaries. */
  reportUrl?: string;
}

export interface OutputContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Publishes the run's outputs; returns 1 when a gate failed, else 0. */
export async function publishRunOutputs(
  scorecard: Scorecard,
  outputs: RunOutputOptions,
  context: OutputContext,
): Promise<number> {
  const failures = outputs.failUnder ? evaluateGates(scorecard, outputs.failUnder) : [];
  for (const failure of failures) context.stderr.write(`gate failed: ${failure.message}\n`);
  if (outputs.prometheusFile) {
    const file = resolve(context.cwd, outputs.prometheusFile);
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, renderPrometheusTextfile(scorecard));
  }
  if (context.env.GITHUB_ACTIONS === 'true') {
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
    context.stdout.write(githubAnnotations(findings));
    const summaryFile = context.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, githubStepSummary(scorecard, findings, outputs.reportUrl));
  }
  return failures.length > 0 ? 1 : 0;
}
