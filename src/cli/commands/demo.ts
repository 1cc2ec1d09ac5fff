/** @module `agentscore demo`: the sandbox on a free port, every suite against it, a full run dir. */
import { resolve } from 'node:path';
import { BUILT_IN_RUN_SETTINGS } from '../../run/run-settings.ts';
import type { Target } from '../../spec/target.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';
import { checkPlan, prepareFolder, RUN_OPTIONS, readRunOptions, runOptions } from '../run-options.ts';
import { RUN_OUTPUT_OPTIONS, readRunOutputOptions } from '../run-outputs.ts';

/** The demo's own built-in settings: the sandbox answers fast, so a shorter timeout. */
const DEMO_SETTINGS = { ...BUILT_IN_RUN_SETTINGS, timeoutMs: 10_000 };

/** The run options the demo takes: all but a slice of a plan and continuing a run on an earlier port. */
const DEMO_RUN_OPTIONS = RUN_OPTIONS.map((option) => option.name).filter(
  (name) => name !== 'shard' && name !== 'resume',
);

/** Whether the profile serves the MCP endpoint; an unknown or invalid profile is bad usage. */
async function profileServesMcp(name: string): Promise<boolean> {
  // Reads the profile file only: the sandbox itself still runs as its own process.
  const { loadProfile } = await import('../../sandbox/start-sandbox.ts');
  try {
    return loadProfile(name).mcp.enabled;
  } catch (error) {
    throw new UsageError(`--sandbox-profile: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'evaluate the built-in sandbox API end to end (no key, no network) and write reports/demo',
  usage: '[--out DIR] [--sandbox-profile NAME] [run options]',
  options: [
    {
      name: 'sandbox-profile',
      type: 'string',
      valueName: 'NAME',
      description: 'sandbox behaviour profile to evaluate',
      default: 'faithful',
    },
    ...runOptions(DEMO_RUN_OPTIONS, { out: 'reports/demo', 'timeout-ms': String(DEMO_SETTINGS.timeoutMs) }),
    ...RUN_OUTPUT_OPTIONS,
  ],
  details: [
    'Takes the run options except --shard and --resume (each demo starts a new sandbox on a new port).',
    'An earlier run in --out is moved to <out>.previous-<its start> first.',
    'Record once, replay offline: agentscore demo --record cassette, then agentscore demo --replay cassette.',
  ].join('\n'),
  async run(options, _positionals, io) {
    const { runEvaluation } = await import('../run-evaluation.ts');
    const { spawnSandbox } = await import('../spawn-sandbox.ts');
    const profile = (options['sandbox-profile'] as string | undefined) ?? 'faithful';
    const runDir = resolve(io.cwd, (options.out as string | undefined) ?? 'reports/demo');
    // No environment: the demo never shards, whatever AGENTSCORE_SHARD_TOTAL says.
    const run = readRunOptions(options, {}, DEMO_SETTINGS, {});
    const outputs = await readRunOutputOptions(options, { cwd: io.cwd, runDir });
    const servesMcp = await profileServesMcp(profile);
    const plan = await checkPlan(run, io);
    io.stderr.write(`starting the sandbox (profile ${profile})...\n`);
    const sandbox = await spawnSandbox(profile);
    const target: Target = {
      name: profile === 'faithful' ? 'agentscore sandbox' : `agentscore sandbox (${profile})`,
      provider: 'mistral',
      baseUrl: sandbox.baseUrl,
      model: 'mistral-small-latest',
      apiKeyEnv: 'AGENTSCORE_SANDBOX_KEY',
      profile: 'sandbox',
      ...(servesMcp ? { mcpUrl: `${sandbox.url}/mcp` } : {}),
    };
    try {
      await prepareFolder(run, target, runDir, plan.suites, io);
      const { code } = await runEvaluation({ target, apiKey: sandbox.apiKey, runDir, ...run, outputs }, io);
      return code;
    } finally {
      await sandbox.stop();
    }
  },
};
