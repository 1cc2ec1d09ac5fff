/** @module The flags of a run's outputs for CI (`--fail-under`, `--prometheus`), read into run/'s options. */
import type { RunOutputOptions } from '../run/publish-run-outputs.ts';
import { type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';

export const RUN_OUTPUT_OPTIONS: CliOption[] = [
  {
    name: 'fail-under',
    type: 'string',
    valueName: 'GATES',
    description: 'exit 1 when a score is below its gate, e.g. security=80,agentFriendliness.documentation=60',
  },
  {
    name: 'report-url',
    type: 'string',
    valueName: 'BASE',
    description:
      'URL that serves the working directory: CI summaries and alerts link to BASE/<run folder>/report.html',
  },
  {
    name: 'prometheus',
    type: 'string',
    valueName: 'FILE',
    description: "write the scores as Prometheus gauges (node_exporter's textfile collector), atomically",
  },
];

/**
 * `site` is where the run folder will be, for `--report-url` (checked here, before any request: the
 * folder must be inside the working directory BASE serves).
 */
export async function readRunOutputOptions(
  options: ParsedOptions,
  site?: { cwd: string; runDir: string },
): Promise<RunOutputOptions> {
  const text = options['fail-under'];
  const outputs: RunOutputOptions = {};
  const base = options['report-url'];
  if (typeof base === 'string' && site) {
    const { parseReportBaseUrl, reportLink } = await import('../history/alert-links.ts');
    try {
      outputs.reportUrl = reportLink(site.runDir, { baseUrl: parseReportBaseUrl(base), dir: site.cwd });
    } catch (error) {
      throw new UsageError(`--report-url: ${(error as Error).message}`);
    }
  }
  if (typeof text === 'string') {
    const { parseGates } = await import('../run/publish-run-outputs.ts');
    try {
      outputs.failUnder = parseGates(text);
    } catch (error) {
      throw new UsageError(`--fail-under: ${(error as Error).message}`);
    }
  }
  if (typeof options.prometheus === 'string') outputs.prometheusFile = options.prometheus;
  return outputs;
}
