/** @module `agentscore score`: recompute scorecard.json offline from results (shards merge here). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'recompute scorecard.json from a run directory (and extra shard results) without the network',
  positionals: true,
  usage: 'RUN_DIR [RESULTS.jsonl...]',
  options: [
    {
      name: 'rubric',
      type: 'string',
      valueName: 'FILE',
      description: 'rubric file (default: rubrics/default.yaml)',
    },
  ],
  async run(options, positionals, io) {
    const { scoreRun } = await import('../../run/score-run.ts');
    const { headline } = await import('../headline.ts');
    const [runDir, ...extra] = positionals.map((path) => resolve(io.cwd, path));
    if (!runDir) throw new UsageError('give the run directory to score');
    for (const file of [runDir, ...extra])
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    const rubric = options.rubric ? resolve(io.cwd, options.rubric as string) : undefined;
    const { scorecard, results, inputChange } = await scoreRun(runDir, extra, rubric);
    if (inputChange) io.stderr.write(`${inputChange}\n`);
    io.stdout.write(`${headline(scorecard)}\nscored ${results.length} results → ${runDir}/scorecard.json\n`);
    return 0;
  },
};
