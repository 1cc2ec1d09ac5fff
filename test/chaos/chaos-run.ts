/** @module Chaos test helper: the real CLI against a target in this process, and what the run left behind. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SandboxProfileInput } from '../../src/sandbox/start-sandbox.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { type CliRun, runCli } from '../e2e/run-cli.ts';

export const KEY = 'chaos-key-Vb7Qw2Lr9Xk4Mz1Pt6Hd';
export const KEY_ENV = { AGENTSCORE_CHAOS_KEY: KEY };
const STACK_FRAME = /\n\s+at /;

/** `serverUrl` is the server's root; the API sits under `/v1` there, so that is the base URL given. */
export function targetFlags(serverUrl: string, name = 'chaos'): string[] {
  return [
    '--provider',
    'mistral',
    '--base-url',
    `${serverUrl}/v1`,
    '--model',
    'mistral-small-latest',
    '--api-key-env',
    'AGENTSCORE_CHAOS_KEY',
    '--name',
    name,
  ];
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `agentscore-chaos-${prefix}-`));
}

export function readResultLines(runDir: string): ProbeResult[] {
  const file = join(runDir, 'results.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeResult);
}

export function readScorecard(runDir: string): Scorecard {
  return JSON.parse(readFileSync(join(runDir, 'scorecard.json'), 'utf8')) as Scorecard;
}

export function componentScore(card: Scorecard, path: string): number | null | undefined {
  const [category, name] = path.split('.') as [keyof Scorecard['scores'], string];
  return card.scores[category].components[name]?.score;
}

export interface ChaosRun extends CliRun {
  runDir: string;
  results: ProbeResult[];
}

/** `agentscore run` with small limits; asserts what every chaos run must leave: no stack trace, a scorecard. */
export async function runChaos(url: string, suites: string[], extra: string[] = []): Promise<ChaosRun> {
  const runDir = join(tempDir('run'), 'run');
  const run = await runCli(
    [
      'run',
      ...targetFlags(url),
      '--out',
      runDir,
      ...suites.flatMap((suite) => ['--suite', suite]),
      '--concurrency',
      '8',
      '--timeout-ms',
      '5000',
      ...extra,
    ],
    KEY_ENV,
  );
  expect(run.stderr, 'no stack trace on the console').not.toMatch(STACK_FRAME);
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(existsSync(join(runDir, 'scorecard.json')), `scorecard.json written\n${run.stderr}`).toBe(true);
  return { ...run, runDir, results: readResultLines(runDir) };
}

/** The sandbox with an inline profile over `fast`, for the length of `use`. */
export async function withSandbox<T>(
  faults: NonNullable<SandboxProfileInput['faults']>,
  use: (sandbox: RunningSandbox) => Promise<T>,
  profile: Omit<SandboxProfileInput, 'faults'> = {},
): Promise<T> {
  const sandbox = await startSandbox({
    profile: { extends: 'fast', ...profile, faults },
    port: 0,
    apiKeys: [KEY],
  });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** A throwaway node:http server on loopback for faults the sandbox cannot express. */
export async function withServer<T>(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
