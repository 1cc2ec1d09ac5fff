/** @module `agentscore compare`: deltas between two run directories; exit 1 on a regression. */
import { join, resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { readThreshold, THRESHOLD_OPTION } from '../run-options.ts';

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two run directories; exit 1 when a score drops by the threshold or a check flips to fail',
  usage: 'BASE_RUN NEW_RUN [--threshold POINTS]',
  positionals: true,
  options: [THRESHOLD_OPTION],
  async run(options, positionals, io) {
    if (positionals.length !== 2) throw new UsageError('give two run directories: BASE_RUN NEW_RUN');
    const threshold = readThreshold(options);
    const { compareRuns } = await import('../../history/compare-runs.ts');
    const { formatComparison } = await import('./compare-format.ts');
    const { readScoredRun } = await import('../../run/run-folder.ts');
    const [base, next] = positionals.map((path) => readScoredRun(resolve(io.cwd, path)));
    const comparison = compareRuns(base!, next!, {
      threshold,
      reportPath: join(resolve(io.cwd, positionals[1]!), 'report.html'),
    });
    io.stdout.write(formatComparison(comparison));
    return comparison.exitCode;
  },
};
