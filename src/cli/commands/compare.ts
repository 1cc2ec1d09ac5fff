/** @module `agentscore compare`: deltas between two run directories; exit 1 on a regression. */
import { join, resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two run directories; exit 1 when a score drops by the threshold or a check flips to fail',
  usage: 'BASE_RUN NEW_RUN [--threshold POINTS]',
  options: [
    {
      name: 'threshold',
      type: 'string',
      valueName: 'POINTS',
      description: 'score drop that counts as a regression',
      default: '5',
    },
  ],
  async run(options, positionals, io) {
    if (positionals.length !== 2) throw new UsageError('give two run directories: BASE_RUN NEW_RUN');
    const threshold = Number(options.threshold ?? 5);
    if (!Number.isFinite(threshold) || threshold < 0)
      throw new UsageError(`--threshold must be a number ≥ 0, got "${String(options.threshold)}"`);
    const { compareRuns } = await import('../../history/compare-runs.ts');
    const { formatComparison, readRunSnapshot } = await import('./compare-format.ts');
    const [base, next] = positionals.map((path) => readRunSnapshot(resolve(io.cwd, path)));
    const comparison = compareRuns(base!, next!, {
      threshold,
      reportPath: join(resolve(io.cwd, positionals[1]!), 'report.html'),
    });
    io.stdout.write(formatComparison(comparison));
    return comparison.exitCode;
  },
};
