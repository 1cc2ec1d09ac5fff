/**
 * Runs that could not measure say so and write no scores (issue 12): the base URL as SDKs write it,
 * the preflight's verdicts (scheme, nothing listening, an HTML path, a rejected key, an unknown model)
 * and the demo with nothing measured. The real CLI over loopback, against the sandbox or a tiny server.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { type CliRun, runCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const KEY = 'trust-key-Hq5Wm9Zr2Nc7Tx4Lb8';
const WRONG = 'definitely-not-the-key';
const HEADLINE = /Agent Friendliness|Security \d|Reliability \d|Data Protection \d/;
const root = mkdtempSync(join(tmpdir(), 'agentscore-trust-'));

function run(
  baseUrl: string,
  out: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = { TRUST_KEY: KEY },
) {
  const args = ['run', '--provider', 'mistral', '--base-url', baseUrl, '--model', 'mistral-small-latest'];
  return runCli(
    [...args, '--api-key-env', 'TRUST_KEY', '--name', 'trust', '--out', join(root, out), ...extra],
    env,
  );
}

function scorecardOf(out: string): Scorecard {
  return JSON.parse(readFileSync(join(root, out, 'scorecard.json'), 'utf8')) as Scorecard;
}

function resultsOf(out: string): ProbeResult[] {
  const file = join(root, out, 'results.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeResult);
}

/** No score anywhere in the scorecard, and the reason recorded. */
function expectNoScores(out: string, reason: string): void {
  const card = scorecardOf(out);
  expect(card.validity).toMatchObject({ valid: false, reason });
  for (const category of Object.values(card.scores)) {
    expect(category.score).toBeNull();
    for (const component of Object.values(category.components)) expect(component?.score ?? null).toBeNull();
  }
}

function expectNoHeadline(cli: CliRun): void {
  expect(cli.stdout).not.toMatch(HEADLINE);
  expect(cli.stderr).not.toMatch(/\n\s+at /);
}

/** A loopback server with a fixed answer that counts what it was asked. */
async function tinyServer(answer: (path: string) => { status: number; type: string; body: string }) {
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    const { status, type, body } = answer(request.url ?? '/');
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('trustworthy runs: a run that could not measure says so and writes no scores', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ profile: 'fast', port: 0, apiKeys: [KEY] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('a base URL with /v1 measures; the host-only form adopts /v1, says so, and measures the same', async () => {
    const suites = ['auth', 'errors', 'versions', 'sdk'].flatMap((suite) => ['--suite', suite]);
    const withV1 = await run(`${sandbox.url}/v1`, 'with-v1', suites);
    expect(withV1.code, withV1.stderr).toBe(0);
    expect(withV1.stdout).toMatch(HEADLINE);
    expect(withV1.stderr).not.toContain('preflight:');
    const hostOnly = await run(sandbox.url, 'host-only', suites);
    expect(hostOnly.code, hostOnly.stderr).toBe(0);
    expect(hostOnly.stderr).toContain(
      `preflight: no API answers at ${sandbox.url}, one does at ${sandbox.url}/v1: using that`,
    );

    const [given, adopted] = [scorecardOf('with-v1'), scorecardOf('host-only')];
    expect(given.validity).toEqual({ valid: true });
    expect(adopted.target.baseUrl).toBe(`${sandbox.url}/v1`);
    const components = (card: Scorecard) =>
      Object.fromEntries(
        Object.entries(card.scores).flatMap(([category, value]) =>
          Object.entries(value.components).map(([name, component]) => [
            `${category}.${name}`,
            component?.score,
          ]),
        ),
      );
    expect(components(adopted)).toEqual(components(given));
    expect(Object.values(components(given)).some((score) => typeof score === 'number')).toBe(true);
    const statuses = (out: string) =>
      resultsOf(out)
        .map(
          (result) =>
            `${result.suite}/${result.probe}#${result.repetition} ${result.status} ${result.reason}`,
        )
        .sort();
    expect(statuses('host-only')).toEqual(statuses('with-v1'));
    // The SDK was pointed at the adopted base too: its probes ran rather than skipped.
    expect(
      resultsOf('host-only').filter((result) => result.suite === 'sdk' && result.status === 'passed').length,
    ).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(root, 'host-only', 'run.json'), 'utf8'));
    expect(manifest.preflight).toMatchObject({
      outcome: 'ok',
      fallbackAdopted: true,
      baseUrl: `${sandbox.url}/v1`,
    });
  }, 180_000);

  it('a wrong key in the variable: exit 2, one sentence naming the variable and the status, no scores, no key', async () => {
    const cli = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        `${sandbox.url}/v1`,
        '--model',
        'mistral-small-latest',
        '--api-key-env',
        'WRONG_KEY',
        '--suite',
        'auth',
        '--out',
        join(root, 'wrong-key'),
      ],
      { WRONG_KEY: WRONG },
    );
    expect(cli.code, cli.stderr).toBe(2);
    const sentences = cli.stderr.split('\n').filter((line) => line.includes('rejected'));
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatch(/^Could not measure .*: the key in \$WRONG_KEY was rejected \(401\)/);
    expectNoHeadline(cli);
    expectNoScores('wrong-key', 'key-rejected');
    expect(resultsOf('wrong-key')).toEqual([]);
    expect(`${cli.stdout}${cli.stderr}`).not.toContain(WRONG);
    expect(findSecret(join(root, 'wrong-key'), WRONG)).toEqual([]);
  }, 60_000);

  it('a base URL without a scheme: exit 2 with an example, no request sent', async () => {
    const server = await tinyServer(() => ({ status: 200, type: 'application/json', body: '{}' }));
    try {
      const port = new URL(server.url).port;
      const named = await run(`localhost:${port}/v1`, 'no-scheme-name');
      expect(named.code, named.stderr).toBe(2);
      expect(named.stderr).toContain('e.g. --base-url https://api.mistral.ai/v1');
      const numeric = await run(`127.0.0.1:${port}`, 'no-scheme-ip');
      expect(numeric.code, numeric.stderr).toBe(2);
      expect(numeric.stderr).toContain(`127.0.0.1:${port}`);
      expectNoHeadline(numeric);
      expect(server.asked).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a port where nothing listens: exit 3, said in one sentence, no scores', async () => {
    const server = await tinyServer(() => ({ status: 200, type: 'text/plain', body: '' }));
    const { url } = server;
    await server.close();
    const cli = await run(`${url}/v1`, 'refused');
    expect(cli.code, cli.stderr).toBe(3);
    expect(cli.stderr).toContain(
      `Could not measure trust: nothing answers at ${url}/v1 (connection-refused)`,
    );
    expectNoHeadline(cli);
    expectNoScores('refused', 'unreachable');
  }, 60_000);

  it('a path that answers HTML: exit 2 naming the URL tried and suggesting the base URL', async () => {
    const server = await tinyServer(() => ({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><html><body>Welcome to my homepage</body></html>',
    }));
    try {
      const cli = await run(server.url, 'html');
      expect(cli.code, cli.stderr).toBe(2);
      expect(cli.stderr).toContain(
        `GET ${server.url}/models answered 200 with an HTML page, not an API: the API is likely at --base-url ${server.url}/v1`,
      );
      expectNoHeadline(cli);
      expectNoScores('html', 'wrong-base-url');
      expect(server.asked.length).toBeLessThanOrEqual(3);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a key rejected mid-run (after the preflight passed): exit 2, no scores', async () => {
    let answered = 0;
    const server = await tinyServer(() => {
      answered += 1;
      return answered === 1
        ? {
            status: 200,
            type: 'application/json',
            body: '{"object":"list","data":[{"id":"mistral-small-latest"}]}',
          }
        : { status: 401, type: 'application/json', body: '{"message":"Unauthorized","request_id":"r"}' };
    });
    try {
      const cli = await run(`${server.url}/v1`, 'revoked', ['--suite', 'versions']);
      expect(cli.code, cli.stderr).toBe(2);
      expect(cli.stderr).toMatch(
        /Could not measure trust: the key was rejected: \d+ of \d+ requests that carried it got 401\/403/,
      );
      expectNoHeadline(cli);
      expectNoScores('revoked', 'key-rejected');
      expect(resultsOf('revoked').length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('an unknown model: exit 2 listing models the API offers', async () => {
    const cli = await run(`${sandbox.url}/v1`, 'unknown-model', ['--model', 'mistral-nosuch-2099']);
    expect(cli.code, cli.stderr).toBe(2);
    expect(cli.stderr).toMatch(
      /does not know the model "mistral-nosuch-2099"; it offers .*mistral-small-latest/,
    );
    expectNoHeadline(cli);
    expectNoScores('unknown-model', 'model-unknown');
  }, 60_000);

  it('demo never prints scores from attested evidence alone: nothing measured, exit 3', async () => {
    const cli = await runCli(['demo', '--suite', 'mcp', '--out', join(root, 'demo-nothing')]);
    expect(cli.code, cli.stderr).toBe(3);
    expect(cli.stderr).toContain('Could not measure agentscore sandbox: all 1 probes were skipped');
    expectNoHeadline(cli);
    expectNoScores('demo-nothing', 'no-probes');
  }, 120_000);
});
