/**
 * Bad input is refused before any request (exit 2, one sentence), config defaults are honoured and
 * recorded, a run folder holds one run, and every run file of another schema version is named.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import { runCli } from './run-cli.ts';

const KEY = 'e2e-input-key-Hq4Wm9Tz2Lx7Vb0N';
const env = { AGENTSCORE_INPUT_KEY: KEY };
const STACK_FRAME = /\n\s+at /;

/** The API base URL as the OpenAI SDK takes it: the server's root plus `/v1`. */
function apiBase(serverUrl: string): string {
  return `${serverUrl}/v1`;
}

function targetFlags(baseUrl: string, model = 'mistral-small-latest'): string[] {
  return [
    '--provider',
    'mistral',
    '--base-url',
    baseUrl,
    '--model',
    model,
    '--api-key-env',
    'AGENTSCORE_INPUT_KEY',
    '--name',
    'input',
  ];
}

function readLines(file: string): ProbeResult[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeResult);
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('run input: refused before any request, defaults honoured, one run per folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'agentscore-input-'));
  let sandbox: RunningSandbox;
  /** A target that only counts: every refusal below must leave it at zero. */
  let counter: Server;
  let counterUrl = '';
  let counted = 0;

  beforeAll(async () => {
    sandbox = await startSandbox({ profile: 'fast', port: 0, apiKeys: [KEY] });
    counter = createServer((_request, response) => {
      counted += 1;
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    counterUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sandbox.close();
    await new Promise((resolve) => counter.close(resolve));
  });

  it('refuses an unknown suite with did-you-mean, an empty plan, bad flags and contradictions, before any request', async () => {
    const out = join(root, 'refused');
    const flags = [...targetFlags(apiBase(counterUrl)), '--out', out];
    const cases: Array<{ args: string[]; says: string | RegExp }> = [
      { args: ['run', ...flags, '--suite', 'nosuch'], says: 'unknown suite "nosuch"' },
      {
        args: ['run', ...flags, '--suite', 'auth,erors'],
        says: 'unknown suite "erors", did you mean "errors"?',
      },
      { args: ['run', ...flags, '--suite', 'auth', '--shard', '40/40'], says: 'nothing to run' },
      {
        args: ['run', ...flags, '--concurency', '2'],
        says: 'unknown option --concurency: did you mean --concurrency?',
      },
      { args: ['run', ...flags, '--timeout-ms', '0'], says: '--timeout-ms must be a positive integer' },
      { args: ['run', ...flags, '--shard', '3/2'], says: '--shard must be I/N' },
      { args: ['run', ...flags, '--target', 'mistral'], says: 'give one or the other' },
      {
        args: ['run', ...flags, '--record', join(root, 'c'), '--replay', join(root, 'c')],
        says: 'exclude each other',
      },
      { args: ['run', ...flags, '--resume', '--replay', join(root, 'c')], says: 'exclude each other' },
      {
        args: ['run', ...targetFlags('127.0.0.1:8000/v1'), '--out', out],
        says: 'e.g. --base-url https://api.mistral.ai/v1',
      },
      { args: ['demo', '--suite', 'nosuch', '--out', out], says: 'unknown suite "nosuch"' },
      { args: ['rnu'], says: 'unknown command "rnu": did you mean run?' },
    ];
    for (const { args, says } of cases) {
      const run = await runCli(args, env);
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(says);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr.trim().split('\n'), 'one line, not the whole help').toHaveLength(1);
    }
    expect(counted, 'no request reached the target').toBe(0);
    expect(existsSync(join(out, 'results.jsonl'))).toBe(false);
  }, 120_000);

  it('splits --suite auth,errors and runs both; a second run moves the first aside and starts clean', async () => {
    const out = join(root, 'twice');
    const first = await runCli(
      ['run', ...targetFlags(apiBase(sandbox.url)), '--out', out, '--suite', 'auth,errors'],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    const firstResults = readLines(join(out, 'results.jsonl'));
    expect(new Set(firstResults.map((result) => result.suite))).toEqual(new Set(['auth', 'errors']));
    const firstManifest = readJson(join(out, 'run.json'));
    expect(firstManifest.suites).toEqual(['auth', 'errors']);

    const second = await runCli(
      ['run', ...targetFlags(apiBase(sandbox.url)), '--out', out, '--suite', 'auth'],
      env,
    );
    expect(second.code, second.stderr).toBe(0);
    const stamp = String(firstManifest.startedAt).replace(/[:.]/g, '-');
    const aside = join(root, `twice.previous-${stamp}`);
    expect(second.stderr).toContain(`moved it to ${aside}`);
    const secondManifest = readJson(join(out, 'run.json'));
    const secondResults = readLines(join(out, 'results.jsonl'));
    expect(secondResults).toHaveLength(Number(secondManifest.planned));
    expect(new Set(secondResults.map((result) => result.suite))).toEqual(new Set(['auth']));
    expect(secondResults.every((result) => result.runId === secondManifest.runId)).toBe(true);
    expect(readLines(join(aside, 'results.jsonl'))).toHaveLength(firstResults.length);
    expect(second.stdout).toContain(`${secondResults.length} probes:`);
  }, 120_000);

  it('--resume continues only the same target and plan', async () => {
    const out = join(root, 'resume');
    const first = await runCli(
      ['run', ...targetFlags(apiBase(sandbox.url)), '--out', out, '--suite', 'auth'],
      env,
    );
    expect(first.code, first.stderr).toBe(0);
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8');
    const otherModel = await runCli(
      [
        'run',
        ...targetFlags(apiBase(counterUrl), 'other-model'),
        '--out',
        out,
        '--suite',
        'auth',
        '--resume',
      ],
      env,
    );
    expect(otherModel.code, otherModel.stderr).toBe(2);
    expect(otherModel.stderr).toContain('target model was "mistral-small-latest", now "other-model"');
    const otherPlan = await runCli(
      ['run', ...targetFlags(apiBase(counterUrl)), '--out', out, '--suite', 'errors', '--resume'],
      env,
    );
    expect(otherPlan.code, otherPlan.stderr).toBe(2);
    expect(otherPlan.stderr).toContain('suites were [auth], now [errors]');
    expect(counted).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toBe(lines);
    expect(readdirSync(root).filter((name) => name.startsWith('resume.previous-'))).toEqual([]);
  }, 120_000);

  it('config defaults are honoured (timeoutMs: 1 makes probes time out) and recorded with their source', async () => {
    const config = join(root, 'agentscore.config.yaml');
    writeFileSync(
      config,
      [
        'targets:',
        '  local:',
        '    provider: mistral',
        `    baseUrl: ${apiBase(sandbox.url)}`,
        '    model: mistral-small-latest',
        '    apiKeyEnv: AGENTSCORE_INPUT_KEY',
        'defaults:',
        '  timeoutMs: 1',
        '  concurrency: 2',
        '',
      ].join('\n'),
    );
    const out = join(root, 'defaults');
    const run = await runCli(
      ['run', '--target', 'local', '--config', config, '--suite', 'auth', '--out', out, '--concurrency', '3'],
      env,
    );
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const manifest = readJson(join(out, 'run.json'));
    const settings = manifest.settings as Record<string, unknown>;
    expect(settings.timeoutMs).toEqual({ value: 1, source: 'config' });
    expect(settings.concurrency).toEqual({ value: 3, source: 'flag' });
    expect(settings.budgetRequests).toEqual({ value: null, source: 'built-in' });
    // Every request sent timed out: the probes' (when they ran) and the preflight's (when it stopped the run).
    const resultsFile = join(out, 'results.jsonl');
    const probeFailures = (existsSync(resultsFile) ? readLines(resultsFile) : [])
      .filter((result) => result.evidence.length > 0)
      .map((result) => `${result.status}:${result.reason}`);
    const preflight = manifest.preflight as { requests?: Array<{ failure: string | null }> } | undefined;
    const preflightFailures = (preflight?.requests ?? []).map((request) => `errored:${request.failure}`);
    const failures = [...probeFailures, ...preflightFailures];
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set(['errored:timeout']));
    expect(run.stdout).not.toMatch(/Security \d+\/100/);
  }, 120_000);

  it('every run file of another schemaVersion: exit 2 naming the file (score, report, run --resume, compare, replay)', async () => {
    const base = join(root, 'versions');
    const run = await runCli(
      [
        'run',
        ...targetFlags(apiBase(sandbox.url)),
        '--out',
        base,
        '--suite',
        'auth',
        '--record',
        join(root, 'cassette'),
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const files = ['run.json', 'results.jsonl', 'scorecard.json'];
    /** A copy of the good run with one file's schemaVersion set to 99. */
    function broken(name: string, file: string): string {
      const dir = join(root, name);
      mkdirSync(dir);
      for (const each of files) writeFileSync(join(dir, each), readFileSync(join(base, each)));
      const text = readFileSync(join(base, file), 'utf8');
      const changed =
        file === 'results.jsonl'
          ? text.replace(/"schemaVersion":1/, '"schemaVersion":99')
          : `${JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }, null, 2)}\n`;
      writeFileSync(join(dir, file), changed);
      return dir;
    }
    const historyDir = broken('v-history', 'run.json');
    writeFileSync(join(historyDir, 'run.json'), readFileSync(join(base, 'run.json')));
    writeFileSync(
      join(historyDir, 'history-evidence.json'),
      JSON.stringify({ schemaVersion: 99, evidence: [] }),
    );
    const cassetteDir = join(root, 'cassette-99');
    mkdirSync(cassetteDir);
    const [header, ...entries] = readFileSync(join(root, 'cassette', 'cassette.jsonl'), 'utf8').split('\n');
    writeFileSync(
      join(cassetteDir, 'cassette.jsonl'),
      [JSON.stringify({ ...JSON.parse(header!), cassetteVersion: 99 }), ...entries].join('\n'),
    );

    const resultsDir = broken('v-results', 'results.jsonl');
    const manifestDir = broken('v-manifest', 'run.json');
    const scorecardDir = broken('v-scorecard', 'scorecard.json');
    const resumeFlags = [...targetFlags(apiBase(counterUrl)), '--suite', 'auth', '--resume'];
    const cases: Array<{ args: string[]; file: string }> = [
      { args: ['score', resultsDir], file: join(resultsDir, 'results.jsonl:1') },
      { args: ['score', manifestDir], file: join(manifestDir, 'run.json') },
      { args: ['score', historyDir], file: join(historyDir, 'history-evidence.json') },
      { args: ['report', scorecardDir], file: join(scorecardDir, 'scorecard.json') },
      { args: ['report', manifestDir], file: join(manifestDir, 'run.json') },
      { args: ['compare', base, scorecardDir], file: join(scorecardDir, 'scorecard.json') },
      { args: ['run', ...resumeFlags, '--out', manifestDir], file: join(manifestDir, 'run.json') },
      { args: ['run', ...resumeFlags, '--out', resultsDir], file: join(resultsDir, 'results.jsonl:1') },
      {
        args: [
          'run',
          ...targetFlags(apiBase(counterUrl)),
          '--replay',
          cassetteDir,
          '--out',
          join(root, 'v-replay'),
        ],
        file: join(cassetteDir, 'cassette.jsonl:1'),
      },
    ];
    for (const { args, file } of cases) {
      const refused = await runCli(args, env);
      expect(refused.code, `${args.join(' ')}\n${refused.stderr}`).toBe(2);
      expect(refused.stderr).toContain(`${file}: `);
      expect(refused.stderr).toMatch(/(schemaVersion|cassetteVersion) 99 is not supported/);
      expect(refused.stderr).toContain('newer agentscore');
      expect(refused.stderr).not.toMatch(STACK_FRAME);
    }
    expect(counted).toBe(0);
  }, 180_000);
});
