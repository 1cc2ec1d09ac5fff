/** @module `agentscore run`: evaluate one target. */
import { resolve } from 'node:path';
import type { CliCommand } from '../cli-command.ts';
import { RUN_OPTIONS, readRunOptions } from '../run-options.ts';
import { resolveTarget, TARGET_OPTIONS } from '../target-options.ts';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'evaluate one target and write results, scorecard and reports',
  usage: '(--target NAME | --provider KIND --base-url URL --model ID --api-key-env VAR) [options]',
  options: [...TARGET_OPTIONS, ...RUN_OPTIONS],
  details: [
    'Examples:',
    '  MISTRAL_API_KEY=... npx agentscore run --target mistral',
    '  npx agentscore run --provider openai-compatible --base-url http://127.0.0.1:8000 --model my-model --api-key-env MY_KEY --out reports/mine',
    '',
    'The key is read from the named environment variable and never written anywhere.',
  ].join('\n'),
  async run(options, _positionals, io) {
    const { runEvaluation } = await import('../run-evaluation.ts');
    const replaying = typeof options.replay === 'string';
    const { target, apiKey } = await resolveTarget(options, io, { keyRequired: !replaying });
    const runDir = resolve(
      io.cwd,
      (options.out as string | undefined) ?? `reports/${target.name.replace(/[^\w.-]+/g, '_')}`,
    );
    const { code } = await runEvaluation({ target, apiKey, runDir, ...readRunOptions(options) }, io);
    return code;
  },
};
