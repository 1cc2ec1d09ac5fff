/** @module Starts the sandbox as its own process (the harness only ever talks to it over HTTP). */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SpawnedSandbox {
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../../bin/agentscore.js', import.meta.url));

export async function spawnSandbox(profile: string, timeoutMs = 20_000): Promise<SpawnedSandbox> {
  const apiKey = `sbx-${randomBytes(18).toString('base64url')}`;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'sandbox', '--profile', profile, '--port', '0'], {
    env: { ...process.env, AGENTSCORE_SANDBOX_KEY: apiKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`sandbox did not start within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      try {
        const event = JSON.parse(line) as { event?: string; url?: string };
        if (event.event === 'ready' && event.url) {
          clearTimeout(timer);
          resolve(event.url);
        }
      } catch {
        // not our ready line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with code ${code} before it was ready\n${stderr}`));
    });
  });
  return {
    url,
    apiKey,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
