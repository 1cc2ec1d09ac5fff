import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli, startCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const KEY = 'e2e-key-Zq8vN3xLp0Rw7TgH2mKd';
const env = { AGENTSCORE_E2E_KEY: KEY };

/** `serverUrl` is the sandbox's root; its API sits under `/v1`, the base URL as SDKs write it. */
function targetFlags(serverUrl: string): string[] {
  return [
    '--provider',
    'mistral',
    '--base-url',
    `${serverUrl}/v1`,
    '--model',
    'mistral-small-latest',
    '--api-key-env',
    'AGENTSCORE_E2E_KEY',
    '--name',
    'e2e',
  ];
}

function readLines(file: string): ProbeResult[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeResult);
}

describe('agentscore run against the real sandbox over loopback', () => {
  let sandbox: RunningSandbox;
  const root = mkdtempSync(join(tmpdir(), 'agentscore-run-'));

  beforeAll(async () => {
    sandbox = await startSandbox({ profile: 'faithful', port: 0, apiKeys: [KEY] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('streams results, scores, and never writes the key; a cassette replay gives the same scorecard offline', async () => {
    const out = join(root, 'live');
    const cassette = join(root, 'cassette');
    const live = await runCli(
      [
        'run',
        ...targetFlags(sandbox.url),
        '--out',
        out,
        '--record',
        cassette,
        '--suite',
        'auth',
        '--suite',
        'errors',
        '--suite',
        'json-mode',
        '--suite',
        'sdk',
      ],
      env,
    );
    expect(live.code, live.stderr).toBe(0);
    expect(findSecret(out, KEY)).toEqual([]);
    // The official SDK's answer reports usage too: it counts towards the run's tokens and cost.
    const sdkCall = readLines(join(out, 'results.jsonl')).find((result) => result.probe === 'sdk-auth-works');
    expect(sdkCall?.measurements.usage).toMatchObject({ exchangesWithUsage: 1, unmetered: 0 });
    expect(sdkCall?.measurements.usage?.input).toBeGreaterThan(0);
    expect(findSecret(cassette, KEY)).toEqual([]);

    // Replay with the sandbox's address pointing nowhere: no network is used.
    const replayOut = join(root, 'replay');
    const replay = await runCli(
      [
        'run',
        ...targetFlags('http://127.0.0.1:9'),
        '--out',
        replayOut,
        '--replay',
        cassette,
        '--suite',
        'auth',
        '--suite',
        'errors',
        '--suite',
        'json-mode',
        '--suite',
        'sdk',
      ],
      { AGENTSCORE_E2E_KEY: '' },
    );
    expect(replay.code, replay.stderr).toBe(0);
    const liveCard = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
    const replayCard = JSON.parse(readFileSync(join(replayOut, 'scorecard.json'), 'utf8')) as Scorecard;
    expect(replayCard.scores).toEqual(liveCard.scores);
    expect(replayCard.metrics).toEqual(liveCard.metrics);
    expect(replayCard.probes).toEqual(liveCard.probes);
    expect(replayCard.probes.skipped).toBe(0);

    // `agentscore score` recomputes the live run's scorecard byte for byte, offline.
    const written = readFileSync(join(out, 'scorecard.json'));
    const rescored = await runCli(['score', out]);
    expect(rescored.code, rescored.stderr).toBe(0);
    expect(readFileSync(join(out, 'scorecard.json')).equals(written)).toBe(true);
  }, 120_000);

  it('SIGINT leaves only whole lines and an incomplete scorecard; --resume finishes the run', async () => {
    const out = join(root, 'interrupted');
    const slow = await startSandbox({ profile: 'slow-stream', port: 0, apiKeys: [KEY] });
    try {
      const { child, done } = startCli(
        ['run', ...targetFlags(slow.url), '--out', out, '--suite', 'latency', '--concurrency', '1'],
        env,
      );
      // Wait for the first results, then interrupt mid-run.
      const resultsFile = join(out, 'results.jsonl');
      for (
        let waited = 0;
        waited < 30_000 && !(existsSync(resultsFile) && readLines(resultsFile).length >= 2);
        waited += 100
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGINT');
      const interrupted = await done;
      expect(interrupted.code, interrupted.stderr).toBe(130);
      const text = readFileSync(resultsFile, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const partial = readLines(resultsFile);
      expect(partial.length).toBeGreaterThanOrEqual(2);
      expect(partial.length).toBeLessThan(12);
      const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
      expect(card.complete).toBe(false);

      const resumed = await runCli(
        [
          'run',
          ...targetFlags(slow.url),
          '--out',
          out,
          '--suite',
          'latency',
          '--resume',
          '--concurrency',
          '4',
        ],
        env,
      );
      expect(resumed.code, resumed.stderr).toBe(0);
      const all = readLines(resultsFile);
      expect(new Set(all.map((result) => `${result.probe}#${result.repetition}`)).size).toBe(12);
      expect((JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard).complete).toBe(
        true,
      );
    } finally {
      await slow.close();
    }
  }, 120_000);
});

describe('a request budget', () => {
  it('stops sending when spent and records the rest as skipped', async () => {
    const sandbox = await startSandbox({ profile: 'fast', port: 0, apiKeys: [KEY] });
    try {
      const out = join(mkdtempSync(join(tmpdir(), 'agentscore-budget-')), 'run');
      const run = await runCli(
        [
          'run',
          ...targetFlags(sandbox.url),
          '--out',
          out,
          '--suite',
          'errors',
          '--budget-requests',
          '4',
          '--concurrency',
          '1',
        ],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('request budget ran out');
      const results = readLines(join(out, 'results.jsonl'));
      const sent = results.filter((result) => result.status !== 'skipped');
      expect(sent.reduce((total, result) => total + result.evidence.length, 0)).toBeLessThanOrEqual(4);
      expect(results.filter((result) => result.reason === 'budget-exhausted').length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});

describe('a target that never answers', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(() => {
      // Accept the request and never answer.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is stopped by the preflight within its timeouts, not a hang: exit 3, the reason, no scores', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'agentscore-hang-')), 'run');
    const started = performance.now();
    const run = await runCli(
      [
        'run',
        ...targetFlags(url),
        '--out',
        out,
        '--suite',
        'auth',
        '--timeout-ms',
        '400',
        '--concurrency',
        '8',
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain(`Could not measure e2e: nothing answers at ${url}/v1 (timeout)`);
    // GET models, then one chat call, each cut at --timeout-ms; startup of the CLI is the rest.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(existsSync(join(out, 'results.jsonl'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.preflight.requests.map((request: { failure?: string }) => request.failure)).toEqual([
      'timeout',
      'timeout',
    ]);
    const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8'));
    expect(card.validity).toMatchObject({ valid: false, reason: 'unreachable' });
  }, 60_000);
});
