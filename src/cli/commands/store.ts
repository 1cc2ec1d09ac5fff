/**
 * @module `agentscore store`: files a finished run folder in the history database — the way a
 * sharded run, merged by `score`, reaches the shared PostgreSQL that `history` and `monitor` read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { DB_OPTION, dbLocation } from '../run-options.ts';

export const storeCommand: CliCommand = {
  name: 'store',
  summary: 'file a run folder (and extra shard results) in the history database under a name',
  positionals: true,
  usage: 'RUN_DIR [RESULTS.jsonl...] --name NAME [--db FILE|URL]',
  options: [
    {
      name: 'name',
      type: 'string',
      valueName: 'NAME',
      description: 'the series to file it under (as monitor --name and history --name take it)',
    },
    DB_OPTION,
  ],
  details: [
    'Scores the run exactly as `agentscore score` does with the same arguments (the merged scorecard',
    'is written to RUN_DIR), then saves it with all its results; storing the same run again replaces it.',
    'Example, after three shards: agentscore store shard-0 shard-1/results.jsonl shard-2/results.jsonl --name nightly --db postgres://...',
  ].join('\n'),
  async run(options, positionals, io) {
    const { scoreRun } = await import('../../run/score-run.ts');
    const { historyLocation, isPostgresUrl, openHistoryStore, redactPostgresUrl } = await import(
      '../../history/open-history-store.ts'
    );
    const { headline } = await import('../headline.ts');
    if (typeof options.name !== 'string')
      throw new UsageError('store needs --name NAME (the series to file it under)');
    const [runDir, ...extra] = positionals.map((path) => resolve(io.cwd, path));
    if (!runDir) throw new UsageError('give the run directory to store');
    for (const file of [runDir, ...extra])
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    const { manifest, scorecard, results } = await scoreRun(runDir, extra);
    const location = historyLocation(io.cwd, dbLocation(options));
    const store = await openHistoryStore(location);
    try {
      await store.saveRun({ runId: manifest.runId, name: options.name, runDir, scorecard, results });
    } finally {
      await store.close();
    }
    const shown = isPostgresUrl(location) ? redactPostgresUrl(location) : location;
    io.stdout.write(
      `${headline(scorecard)}\nstored run ${manifest.runId} (${results.length} results) as "${options.name}" in ${shown}\n`,
    );
    return 0;
  },
};
