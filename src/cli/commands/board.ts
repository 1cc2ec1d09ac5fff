/** @module `agentscore board`: several targets side by side (board.md, board.html, board.json). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BoardEntry } from '../../board/board-document.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { writeJson } from '../json-output.ts';
import { DB_OPTION, positiveInteger } from '../run-options.ts';

export const STALE_AFTER_DAYS_OPTION = {
  name: 'days',
  type: 'string',
  valueName: 'N',
  description: 'a target whose last run is older than N days is stale',
  default: '30',
} as const;

export const boardCommand: CliCommand = {
  name: 'board',
  summary:
    'several targets side by side: board.md, board.html and board.json, with Alternatives in each report',
  usage: 'RUN_DIR... | --db FILE|URL [--out DIR] [--days N] [--no-reports] [--json]',
  positionals: true,
  options: [
    {
      ...DB_OPTION,
      default: undefined,
      description: `${DB_OPTION.description}; the latest run of each name`,
    },
    {
      name: 'out',
      type: 'string',
      valueName: 'DIR',
      description: 'where the board files go',
      default: 'board',
    },
    { ...STALE_AFTER_DAYS_OPTION },
    {
      name: 'no-reports',
      type: 'boolean',
      description:
        "leave the run folders' reports as they are (by default each gains an Alternatives section)",
    },
    { name: 'json', type: 'boolean', description: "print board.json's document on stdout" },
  ],
  details:
    'Rows are marked stale when the run is older than --days or a fact of its target profile is past its reverifyBy date (see agentscore stale).',
  async run(options, positionals, io) {
    const { entriesFromHistory, entriesFromRunFolders } = await import('../../board/board-entries.ts');
    const { refreshReportsWithAlternatives, writeBoard } = await import('../../board/write-board.ts');
    const db = options.db as string | undefined;
    const staleAfterDays = positiveInteger(options, 'days', 30);
    if (db !== undefined && positionals.length > 0)
      throw new UsageError('give run folders or --db, not both');
    if (db === undefined && positionals.length === 0)
      throw new UsageError(
        'give the run folders to put side by side, or --db FILE|URL for the latest run of each name',
      );
    let entries: BoardEntry[];
    if (db === undefined) {
      entries = await entriesFromRunFolders(positionals.map((folder) => resolve(io.cwd, folder)));
    } else {
      const { historyLocation, isPostgresUrl, openHistoryStore } = await import(
        '../../history/open-history-store.ts'
      );
      const location = historyLocation(io.cwd, db);
      if (!isPostgresUrl(location) && !existsSync(location))
        throw new UsageError(`${location}: no history yet (agentscore monitor writes it)`);
      const store = await openHistoryStore(location);
      try {
        entries = await entriesFromHistory(store);
      } finally {
        await store.close();
      }
      if (entries.length === 0) throw new UsageError(`${db}: the history holds no run`);
    }
    const refreshed = options['no-reports'] ? [] : await refreshReportsWithAlternatives(entries);
    const { board, written } = await writeBoard({
      entries,
      outDir: resolve(io.cwd, (options.out as string | undefined) ?? 'board'),
      now: new Date(),
      staleAfterDays,
    });
    const human = options.json ? io.stderr : io.stdout;
    const stale = board.rows.filter((row) => row.staleness.stale).length;
    human.write(
      `board of ${board.rows.length} targets (${stale} stale):\n${written.map((path) => `  ${path}`).join('\n')}\n`,
    );
    if (refreshed.length > 0)
      human.write(`reports with Alternatives refreshed in ${refreshed.length} run folders\n`);
    if (options.json) writeJson(io, board);
    return 0;
  },
};
