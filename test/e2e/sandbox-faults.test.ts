/**
 * `sandbox --faults NAME` picks the fault profile; the old `--profile` spelling still works with one
 * warning line (run --profile names a target profile, a different thing).
 */
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.ts';

/** Starts the sandbox, waits for its ready event, stops it; returns the event and stderr. */
async function readyEvent(args: string[]): Promise<{ profile: string; stderr: string }> {
  const { child, done } = startCli(['sandbox', '--port', '0', ...args]);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const profile = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const ready = /\{"event":"ready".*"profile":"([^"]+)"/.exec(seen);
      if (ready) resolve(ready[1]!);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stderr}`)));
  });
  child.kill();
  await done;
  return { profile, stderr };
}

describe('agentscore sandbox --faults', () => {
  it('serves the named fault profile without a warning', async () => {
    const { profile, stderr } = await readyEvent(['--faults', 'leaky-errors']);
    expect(profile).toBe('leaky-errors');
    expect(stderr).not.toContain('deprecated');
  }, 30_000);

  it('still takes --profile, with one deprecation line on stderr', async () => {
    const { profile, stderr } = await readyEvent(['--profile', 'sloppy-json']);
    expect(profile).toBe('sloppy-json');
    expect(stderr.split('\n').filter((line) => line.includes('deprecated'))).toEqual([
      'agentscore sandbox: --profile is deprecated here, use --faults sloppy-json',
    ]);
  }, 30_000);

  it('refuses two spellings that disagree, and an unknown fault profile (exit 2)', async () => {
    const both = await runCli(['sandbox', '--port', '0', '--faults', 'fast', '--profile', 'hostile']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--faults fast and --profile hostile disagree');
    const unknown = await runCli(['sandbox', '--port', '0', '--faults', 'leaky']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown fault profile "leaky"');
  }, 30_000);
});
