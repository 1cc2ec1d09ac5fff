/** @module `agentscore score`: recompute scorecard.json offline from results (shards merge here). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'recompute scorecard.json from a run directory (and extra shard results) without the network',
  positionals: true,
  usage: 'RUN_DIR [RESULTS.jsonl...] [--json]',
  options: [
    {
      name: 'rubric',
      type: 'string',
      valueName: 'FILE',
      description: 'rubric file (default: rubrics/default.yaml)',
    },
    JSON_OPTION,
  ],
  async run(options, positionals, io) {
    const { score } = await import('../../api/score.ts');
    const { headline } = await import('../headline.ts');
    const [runDir, ...extra] = positionals.map((path) => resolve(io.cwd, path));
    if (!runDir) throw new UsageError('give the run directory to score');
    for (const file of [runDir, ...extra])
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
    const rubric = options.rubric ? resolve(io.cwd, options.rubric as string) : undefined;
    const scored = await score(runDir, { extraResults: extra, ...(rubric ? { rubric } : {}) });
    if (scored.inputChange) io.stderr.write(`${scored.inputChange}\n`);
    const human = options.json ? io.stderr : io.stdout;
    human.write(
      `${headline(scored.scorecard)}\nscored ${scored.results.length} results → ${runDir}/scorecard.json\n`,
    );
    if (options.json)
      writeJson(io, {
        runDir: scored.runDir,
        results: scored.results.length,
        inputChange: scored.inputChange,
        files: scored.files,
        scorecard: scored.scorecard,
      });
    return 0;
  },
};
