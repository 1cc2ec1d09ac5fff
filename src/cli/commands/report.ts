/** @module `agentscore report`: re-render report.md, report.html and charts from a run directory. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scorecard } from '../../spec/scorecard.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { REPORTER_OPTION, readReporters } from '../reporter-option.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 're-render the reports of a run directory offline',
  usage: 'RUN_DIR',
  options: [
    { name: 'junit', type: 'string', valueName: 'FILE', description: 'also write a JUnit XML file' },
    REPORTER_OPTION,
  ],
  async run(options, positionals, io) {
    const { writeReports } = await import('../../report/write-reports.ts');
    const { readResults } = await import('../../run/results-file.ts');
    const { readManifest } = await import('../../run/run-manifest.ts');
    const { loadProfileFor } = await import('../../run/score-run.ts');
    const runDir = positionals[0] ? resolve(io.cwd, positionals[0]) : undefined;
    if (!runDir) throw new UsageError('give the run directory to render');
    const scorecardFile = join(runDir, 'scorecard.json');
    if (!existsSync(scorecardFile))
      throw new UsageError(`${scorecardFile} not found; run agentscore score ${positionals[0]} first`);
    const manifest = readManifest(runDir);
    const scorecard = JSON.parse(readFileSync(scorecardFile, 'utf8')) as Scorecard;
    const paths = await writeReports({
      runDir,
      scorecard,
      results: readResults(join(runDir, 'results.jsonl')),
      profile: manifest ? await loadProfileFor(manifest) : null,
      junitFile: options.junit as string | undefined,
      reporters: readReporters(options),
    });
    io.stdout.write(`wrote ${paths.length} files:\n${paths.map((path: string) => `  ${path}`).join('\n')}\n`);
    return 0;
  },
};
