import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('agentscore CLI usage', () => {
  it('prints help and exits 0 on --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: agentscore <command>');
    for (const command of ['demo', 'run', 'sandbox', 'score', 'report', 'validate'])
      expect(run.stdout).toContain(command);
  });

  it('exits 2 with one line and a pointer to --help on an unknown command', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'agentscore: unknown command "frobnicate" (agentscore --help lists the commands)\n',
    );
    const typo = await runCli(['comapre']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown command "comapre": did you mean compare?');
  });

  it('exits 2 with one line on an unknown flag, with did-you-mean when one is close', async () => {
    const run = await runCli(['run', '--no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'agentscore run: unknown option --no-such-flag (agentscore run --help lists the options)\n',
    );
    const typo = await runCli(['run', '--concurency', '2']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown option --concurency: did you mean --concurrency?');
  });

  it('--help for --base-url shows the OpenAI SDK form', async () => {
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('API base URL as the OpenAI SDK takes it, e.g. https://api.mistral.ai/v1');
  });

  it('reports a missing key variable before any request', async () => {
    const run = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        'http://127.0.0.1:9/v1',
        '--model',
        'm',
        '--api-key-env',
        'AGENTSCORE_TEST_UNSET_KEY',
      ],
      { AGENTSCORE_TEST_UNSET_KEY: '' },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AGENTSCORE_TEST_UNSET_KEY is not set');
  });

  it('rejects a malformed shard', async () => {
    const run = await runCli(['run', '--target', 'mistral', '--shard', '3/2'], {
      MISTRAL_API_KEY: 'x'.repeat(32),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard must be I/N');
  });
});
