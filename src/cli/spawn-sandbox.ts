/** @module Starts the sandbox as its own process (the harness only ever talks to it over HTTP). */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SpawnedSandbox {
  /** The server's root URL (the MCP endpoint sits at `/mcp` under it). */
  url: string;
  /** The API's base URL as the OpenAI SDK writes it: the root plus `/v1`. */
  baseUrl: string;
  apiKey: string;
  pid: number;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../../bin/agentscore.js', import.meta.url));

/** `agentscore sandbox --faults NAME --port 0` with a fresh random key. */
export function spawnSandbox(profile: string, timeoutMs = 20_000): Promise<SpawnedSandbox> {
  return spawnSandboxProcess([BIN, 'sandbox', '--faults', profile, '--port', '0'], timeoutMs);
}

/**
 * Runs `node ARGS` with a fresh key in AGENTSCORE_SANDBOX_KEY and waits for the sandbox's
 * `{"event":"ready","url":...}` line on stdout.
 */
export async function spawnSandboxProcess(args: string[], timeoutMs = 20_000): Promise<SpawnedSandbox> {
  const apiKey = `sbx-${randomBytes(18).toString('base64url')}`;
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
    baseUrl: `${url.replace(/\/+$/, '')}/v1`,
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
