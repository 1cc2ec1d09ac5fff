/** @module sandbox/main.test — `sandboxMain` as a real process: ready lines on stdout, clean exit 0 on SIGTERM. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('sandboxMain', () => {
  it('prints the human and the JSON ready line, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "import { sandboxMain } from './src/sandbox/main.ts'; process.exitCode = await sandboxMain({ profile: 'fast', port: 0 });",
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    const ready = new Promise<{ url: string; profile: string }>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"event":"ready"'));
        if (line !== undefined) resolve(JSON.parse(line) as { url: string; profile: string });
      });
    });
    const event = await ready;
    expect(stdout).toMatch(
      /^agentscore sandbox: profile=fast listening on http:\/\/127\.0\.0\.1:\d+ · base URL for clients: http:\/\/127\.0\.0\.1:\d+\/v1\n/,
    );
    expect(event.profile).toBe('fast');
    expect((await fetch(`${event.url}/v1/models`)).status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
