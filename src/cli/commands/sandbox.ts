/** @module `agentscore sandbox`: serve the built-in Mistral-compatible API alone. */

import { type CliCommand, type CliIo, type ParsedOptions, UsageError } from '../cli-command.ts';
import { positiveInteger } from '../run-options.ts';

/**
 * `--faults`, or the deprecated `--profile` with one warning line: `run --profile` names a target
 * profile (attested evidence), which this is not.
 */
function faultProfile(options: ParsedOptions, io: CliIo): string {
  const faults = options.faults as string | undefined;
  const deprecated = options.profile as string | undefined;
  if (deprecated === undefined) return faults ?? 'faithful';
  if (faults !== undefined && faults !== deprecated)
    throw new UsageError(`--faults ${faults} and --profile ${deprecated} disagree: give --faults only`);
  io.stderr.write(`agentscore sandbox: --profile is deprecated here, use --faults ${deprecated}\n`);
  return deprecated;
}

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'serve the built-in Mistral-compatible sandbox API on loopback',
  usage: '[--faults NAME] [--port N] [--auth-scheme SCHEME] [--base-path PATH]',
  options: [
    {
      name: 'faults',
      type: 'string',
      valueName: 'NAME',
      description: 'fault profile: the faults to plant (agentscore sandbox --list-profiles)',
      default: 'faithful',
    },
    {
      name: 'profile',
      type: 'string',
      valueName: 'NAME',
      description: 'deprecated spelling of --faults (run --profile names a target profile)',
    },
    {
      name: 'port',
      type: 'string',
      valueName: 'N',
      description: 'port to listen on (0 = any free port)',
      default: '8787',
    },
    {
      name: 'host',
      type: 'string',
      valueName: 'HOST',
      description: 'loopback address to bind',
      default: '127.0.0.1',
    },
    {
      name: 'auth-scheme',
      type: 'string',
      valueName: 'SCHEME',
      description: 'how the key is expected: bearer | header:NAME | query:PARAM | none',
      default: 'bearer',
    },
    {
      name: 'base-path',
      type: 'string',
      valueName: 'PATH',
      description: 'path prefix of the API, e.g. /openai/v1 or / (default /v1)',
      default: '/v1',
    },
    { name: 'list-profiles', type: 'boolean', description: 'print the profile names and exit' },
  ],
  details: 'The valid key is $AGENTSCORE_SANDBOX_KEY (default "sandbox-demo-key-0000"). Stop with Ctrl-C.',
  async run(options, _positionals, io) {
    const { sandboxMain } = await import('../../sandbox/main.ts');
    const { listProfiles, parseSandboxAuth } = await import('../../sandbox/start-sandbox.ts');
    if (options['list-profiles']) {
      io.stdout.write(`${listProfiles().join('\n')}\n`);
      return 0;
    }
    const profile = faultProfile(options, io);
    if (!listProfiles().includes(profile))
      throw new UsageError(`unknown fault profile "${profile}" (known: ${listProfiles().join(', ')})`);
    const host = (options.host as string | undefined) ?? '127.0.0.1';
    if (!/^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(host))
      throw new UsageError(`--host must be a loopback address, got "${host}"`);
    const port = options.port === '0' ? 0 : positiveInteger(options, 'port', 8787);
    const schemeText = (options['auth-scheme'] as string | undefined) ?? 'bearer';
    const auth = parseSandboxAuth(schemeText);
    if (!auth)
      throw new UsageError(
        `--auth-scheme must be bearer, header:NAME, query:PARAM or none, got "${schemeText}"`,
      );
    const basePath = (options['base-path'] as string | undefined) ?? '/v1';
    if (!/^\/[A-Za-z0-9/_.-]*$/.test(basePath))
      throw new UsageError(`--base-path must be a path such as /v1 or /openai/v1, got "${basePath}"`);
    return sandboxMain({ profile, port, host, auth, basePath });
  },
};
