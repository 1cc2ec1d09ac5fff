/** @module `agentscore stale`: facts past their re-verify date and targets not run for N days; exit 1 when any. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BoardEntry } from '../../board/board-document.ts';
import type { TargetProfile } from '../../spec/target-profile.ts';
import { type CliCommand, EXIT_REGRESSION, UsageError } from '../cli-command.ts';
import { writeJson } from '../json-output.ts';
import { DB_OPTION, dbLocation, positiveInteger } from '../run-options.ts';
import { STALE_AFTER_DAYS_OPTION } from './board.ts';

export const staleCommand: CliCommand = {
  name: 'stale',
  summary: 'attested facts past their re-verify date and targets not evaluated for N days (exit 1 when any)',
  usage: '[--db FILE|URL] [--profiles [--profiles-dir DIR]] [--days N] [--json]',
  options: [
    { ...DB_OPTION, description: `${DB_OPTION.description}; the latest run of each name is checked` },
    { name: 'profiles', type: 'boolean', description: 'check the facts of every target profile' },
    {
      name: 'profiles-dir',
      type: 'string',
      valueName: 'DIR',
      description: 'where the profiles are (default: the built-in fixtures/profiles)',
    },
    { ...STALE_AFTER_DAYS_OPTION },
    { name: 'json', type: 'boolean', description: 'print the listing as JSON on stdout' },
  ],
  details:
    'Without --db or --profiles, both are checked (the default database when it exists). Exit 0 when nothing is stale, 1 when anything is (a nightly job re-verifies or re-runs then), 2 on bad usage.',
  async run(options, _positionals, io) {
    const { entriesFromHistory, loadProfilesIn } = await import('../../board/board-entries.ts');
    const { buildStaleReport, formatStaleReport } = await import('../../board/stale-report.ts');
    const days = positiveInteger(options, 'days', 30)!;
    const explicitDb = options.db !== undefined && options.db !== DB_OPTION.default;
    const checkProfiles = Boolean(options.profiles) || options['profiles-dir'] !== undefined || !explicitDb;
    const human = options.json ? io.stderr : io.stdout;

    const profiles: TargetProfile[] = [];
    if (checkProfiles) {
      const folder = options['profiles-dir'] ? resolve(io.cwd, options['profiles-dir'] as string) : undefined;
      if (folder && !existsSync(folder)) throw new UsageError(`--profiles-dir ${folder}: no such folder`);
      const loaded = await loadProfilesIn(folder);
      for (const problem of loaded.problems) io.stderr.write(`skipped ${problem}\n`);
      profiles.push(...loaded.profiles);
    }

    const entries: BoardEntry[] = [];
    const { historyLocation, isPostgresUrl, openHistoryStore } = await import(
      '../../history/open-history-store.ts'
    );
    const location = historyLocation(io.cwd, dbLocation(options));
    const dbExists = isPostgresUrl(location) || existsSync(location);
    if (explicitDb && !dbExists)
      throw new UsageError(`${location}: no history yet (agentscore monitor writes it)`);
    if (dbExists && (explicitDb || !options.profiles)) {
      const store = await openHistoryStore(location);
      try {
        entries.push(...(await entriesFromHistory(store)));
      } finally {
        await store.close();
      }
    }

    const report = buildStaleReport({ now: new Date(), days, profiles, entries });
    human.write(formatStaleReport(report));
    if (options.json) writeJson(io, report);
    return report.stale ? EXIT_REGRESSION : 0;
  },
};
