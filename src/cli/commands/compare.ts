/** @module `agentscore compare`: deltas between two run directories; exit 1 on a regression. */
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';
import { readThreshold, THRESHOLD_OPTION } from '../run-options.ts';

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two run directories; exit 1 when a score drops by the threshold or a check flips to fail',
  usage: 'BASE_RUN NEW_RUN [--threshold POINTS] [--json]',
  positionals: true,
  options: [THRESHOLD_OPTION, JSON_OPTION],
  async run(options, positionals, io) {
    if (positionals.length !== 2) throw new UsageError('give two run directories: BASE_RUN NEW_RUN');
    const threshold = readThreshold(options);
    const { compareRunFolders } = await import('../../api/compare-run-folders.ts');
    const { formatComparison } = await import('./compare-format.ts');
    const [base, next] = positionals.map((path) => resolve(io.cwd, path));
    const comparison = compareRunFolders(base!, next!, { threshold });
    if (!options.json) {
      io.stdout.write(formatComparison(comparison));
      return comparison.exitCode;
    }
    io.stderr.write(formatComparison(comparison));
    writeJson(io, { baseRunDir: base, newRunDir: next, ...comparison });
    return comparison.exitCode;
  },
};
