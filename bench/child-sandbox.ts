/** @module bench/child-sandbox — the sandbox in its own process, so load generators never share its CPU. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxProfileInput } from '../src/sandbox/start-sandbox.ts';

export interface ChildSandbox {
  url: string;
  apiKey: string;
  pid: number;
  stop(): Promise<void>;
}

const AGENTSCORE_BIN = fileURLToPath(new URL('../bin/agentscore.js', import.meta.url));
const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const INLINE_SANDBOX = fileURLToPath(new URL('./inline-sandbox.ts', import.meta.url));

/**
 * A named profile runs through the real CLI (`agentscore sandbox --profile NAME --port 0`); an inline
 * one (which the CLI cannot take) through bench/inline-sandbox.ts. Both print the same `ready` line.
 */
export async function startChildSandbox(
  profile: string | SandboxProfileInput,
  timeoutMs = 20_000,
): Promise<ChildSandbox> {
  const apiKey = `bench-${randomBytes(18).toString('base64url')}`;
  const args =
    typeof profile === 'string'
      ? [AGENTSCORE_BIN, 'sandbox', '--profile', profile, '--port', '0']
      : [RUN_TS, INLINE_SANDBOX, JSON.stringify(profile)];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, AGENTSCORE_SANDBOX_KEY: apiKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sandbox did not start within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'ready' && event.url) {
        clearTimeout(timer);
        resolve(event.url);
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
    pid: child.pid ?? -1,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
