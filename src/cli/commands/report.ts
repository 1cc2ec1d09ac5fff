/** @module `agentscore report`: re-render report.md, report.html and charts from a run directory. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AlternativeInput } from '../../report/alternatives-view.ts';
import { type CliCommand, type CliIo, type ParsedOptions, UsageError } from '../cli-command.ts';
import { REPORTER_OPTION, readReporters } from '../reporter-option.ts';
import { DB_OPTION } from '../run-options.ts';

/** The other targets for the Alternatives section: run folders given, or the latest run of each name in a history. */
async function readAlternatives(
  options: ParsedOptions,
  runDir: string,
  io: CliIo,
): Promise<AlternativeInput[] | undefined> {
  const folders = (options.alternatives as string[] | undefined) ?? [];
  const db = options.db as string | undefined;
  if (folders.length === 0 && db === undefined) return undefined;
  const { alternativeInputs, entriesFromHistory, entriesFromRunFolders } = await import(
    '../../board/board-entries.ts'
  );
  let entries: Awaited<ReturnType<typeof entriesFromRunFolders>> = await entriesFromRunFolders(
    folders.map((folder) => resolve(io.cwd, folder)),
  );
  if (db !== undefined) {
    const { historyLocation, isPostgresUrl, openHistoryStore } = await import(
      '../../history/open-history-store.ts'
    );
    const location = historyLocation(io.cwd, db);
    if (!isPostgresUrl(location) && !existsSync(location))
      throw new UsageError(`${location}: no history yet (agentscore monitor writes it)`);
    const store = await openHistoryStore(location);
    try {
      entries = [...entries, ...(await entriesFromHistory(store))];
    } finally {
      await store.close();
    }
  }
  return alternativeInputs(entries, runDir);
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 're-render the reports of a run directory offline',
  usage: 'RUN_DIR [--dpo] [--reporter NAME]... [--alternatives RUN_DIR]... [--db FILE|URL]',
  positionals: true,
  options: [
    { name: 'junit', type: 'string', valueName: 'FILE', description: 'also write a JUnit XML file' },
    REPORTER_OPTION,
    {
      name: 'dpo',
      type: 'boolean',
      description: 'write only the vendor assessment for a DPO (dpa-assessment.md and .html)',
    },
    {
      name: 'alternatives',
      type: 'string',
      multiple: true,
      valueName: 'RUN_DIR',
      description: 'another run to compare with in an Alternatives section',
    },
    {
      ...DB_OPTION,
      default: undefined,
      description: `${DB_OPTION.description}; its latest run of each name joins the Alternatives`,
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
      alternatives: await readAlternatives(options, runDir, io),
    });
    io.stdout.write(`wrote ${paths.length} files:\n${paths.map((path: string) => `  ${path}`).join('\n')}\n`);
    return 0;
  },
};
