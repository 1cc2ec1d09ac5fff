/** @module `agentscore history`: past runs of a name as a table, and a trend chart. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';
import { DB_OPTION, dbLocation, positiveInteger } from '../run-options.ts';

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'show past runs of a name with their scores, and write a trend chart',
  usage: '--name NAME [--db FILE|URL] [--limit N] [--chart FILE] [--json]',
  options: [
    {
      name: 'name',
      type: 'string',
      valueName: 'NAME',
      description: 'the series (as given to monitor --name)',
    },
    DB_OPTION,
    { name: 'limit', type: 'string', valueName: 'N', description: 'most recent runs to show', default: '30' },
    {
      name: 'chart',
      type: 'string',
      valueName: 'FILE',
      description: 'also write the category trend chart as PNG',
    },
    JSON_OPTION,
  ],
  async run(options, _positionals, io) {
    const { historyLocation, isPostgresUrl, openHistoryStore, redactPostgresUrl } = await import(
      '../../history/open-history-store.ts'
    );
    const { formatHistoryTable, uptimeFromHistory } = await import('../../history/trend.ts');
    if (typeof options.name !== 'string') throw new UsageError('history needs --name NAME');
    const location = historyLocation(io.cwd, dbLocation(options));
    const postgres = isPostgresUrl(location);
    const shown = postgres ? redactPostgresUrl(location) : location;
    if (!postgres && !existsSync(location))
      throw new UsageError(`${location}: no history yet (agentscore monitor writes it)`);
    const store = await openHistoryStore(location);
    try {
      const points = await store.trend(options.name, { limit: positiveInteger(options, 'limit', 30)! });
      const human = options.json ? io.stderr : io.stdout;
      if (points.length === 0) {
        human.write(`no runs named "${options.name}" in ${shown}\n`);
        if (options.json)
          writeJson(io, { name: options.name, db: shown, runs: [], availability: null, chart: null });
        return 0;
      }
      human.write(`${formatHistoryTable(points)}\n`);
      const uptime = uptimeFromHistory(points);
      if (uptime.successRate !== null) {
        human.write(
          `availability over these runs: ${(uptime.successRate * 100).toFixed(2)} % of ${uptime.requests} ordinary requests\n`,
        );
      }
      let chart: string | null = null;
      if (typeof options.chart === 'string') {
        const { renderTrendChartFile } = await import('../../report/charts/trend-chart-file.ts');
        chart = await renderTrendChartFile(points, resolve(io.cwd, options.chart));
        human.write(`trend chart: ${chart}\n`);
      }
      if (options.json)
        writeJson(io, { name: options.name, db: shown, runs: points, availability: uptime, chart });
      return 0;
    } finally {
      await store.close();
    }
  },
};
