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

  it('exits 2 with help on an unknown command', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('Commands:');
  });

  it('exits 2 with the command help on an unknown flag', async () => {
    const run = await runCli(['run', '--no-such-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--no-such-flag'");
    expect(run.stderr).toContain('Usage: agentscore run');
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
