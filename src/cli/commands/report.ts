/** @module `agentscore report`: re-render report.md, report.html and charts from a run directory. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { REPORTER_OPTION, readReporters } from '../reporter-option.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 're-render the reports of a run directory offline',
  usage: 'RUN_DIR [--dpo] [--reporter NAME]...',
  positionals: true,
  options: [
    { name: 'junit', type: 'string', valueName: 'FILE', description: 'also write a JUnit XML file' },
    REPORTER_OPTION,
    {
      name: 'dpo',
      type: 'boolean',
      description: 'write only the vendor assessment for a DPO (dpa-assessment.md and .html)',
    },
  ],
  async run(options, positionals, io) {
    const { renderReports } = await import('../../api/render-reports.ts');
    const { scorecardPath } = await import('../../run/run-folder.ts');
    const runDir = positionals[0] ? resolve(io.cwd, positionals[0]) : undefined;
    if (!runDir) throw new UsageError('give the run directory to render');
    if (positionals.length > 1) throw new UsageError('give one run directory to render');
    if (!existsSync(scorecardPath(runDir)))
      throw new UsageError(
        `${scorecardPath(runDir)} not found; run agentscore score ${positionals[0]} first`,
      );
    const paths = await renderReports(runDir, {
      junitFile: options.junit as string | undefined,
      reporters: options.dpo ? ['dpa'] : readReporters(options),
    });
    io.stdout.write(`wrote ${paths.length} files:\n${paths.map((path: string) => `  ${path}`).join('\n')}\n`);
    return 0;
  },
};
