/** Bad input: invalid suites, config, run folders and flags exit 2 with file:line; a missing key stops before any request. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-cli.ts';
import { KEY_ENV, targetFlags, tempDir, withServer } from './chaos-run.ts';

const STACK_FRAME = /\n\s+at /;
const AUTH_SUITE = new URL('../../suites/auth.yaml', import.meta.url);

/** The auth suite with `expect:` misspelt on its first probe. */
function typoSuiteDir(): { dir: string; file: string; line: number } {
  const dir = tempDir('suites');
  const lines = readFileSync(AUTH_SUITE, 'utf8').split('\n');
  const index = lines.findIndex((line) => /^\s+expect:/.test(line));
  lines[index] = lines[index]!.replace('expect:', 'expct:');
  const file = join(dir, 'auth.yaml');
  writeFileSync(file, lines.join('\n'));
  return { dir, file, line: index + 1 };
}

describe.concurrent('bad input exits 2 with file, line and path; never a stack trace', () => {
  it('a suite with a typo: validate and run --suites-dir', async () => {
    const { dir, file, line } = typoSuiteDir();
    const validate = await runCli(['validate', file]);
    expect(validate.code, validate.stderr + validate.stdout).toBe(2);
    expect(validate.stderr + validate.stdout).toContain(`auth.yaml:${line}`);
    expect(validate.stderr + validate.stdout).toContain('expct');
    await withServer(
      (_request, response) => response.end('{}'),
      async (url) => {
        const run = await runCli(
          ['run', ...targetFlags(url), '--suites-dir', dir, '--out', join(dir, 'out')],
          KEY_ENV,
        );
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain(`auth.yaml:${line}`);
        expect(run.stderr).not.toMatch(STACK_FRAME);
      },
    );
  });

  it('a config file with a bad field', async () => {
    const dir = tempDir('config');
    const file = join(dir, 'agentscore.config.yaml');
    writeFileSync(
      file,
      [
        'targets:',
        '  local:',
        '    provider: openai-compatible',
        '    baseUrl: http://127.0.0.1:9',
        '    model: m',
        '    apiKeyEnv: AGENTSCORE_CHAOS_KEY',
        '    budgets:',
        '      maxRequests: lots',
        '',
      ].join('\n'),
    );
    const run = await runCli(
      ['run', '--target', 'local', '--config', file, '--out', join(dir, 'out')],
      KEY_ENV,
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('agentscore.config.yaml:8');
    expect(run.stderr).toContain('maxRequests');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('a run folder from another schema version: score and report say so', async () => {
    const dir = tempDir('schema');
    const line = JSON.stringify({
      schemaVersion: 99,
      runId: 'x',
      suite: 'auth',
      probe: 'p',
      status: 'passed',
    });
    writeFileSync(join(dir, 'results.jsonl'), `${line}\n`);
    const manifest = {
      schemaVersion: 1,
      runId: 'x',
      harnessVersion: '0.1.0',
      target: { name: 'x', provider: 'mistral', baseUrl: 'http://127.0.0.1:9', model: 'm' },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      complete: false,
      suites: ['auth'],
      shard: null,
      planned: 1,
    };
    writeFileSync(join(dir, 'run.json'), JSON.stringify(manifest));
    const score = await runCli(['score', dir]);
    expect(score.code, score.stderr).toBe(2);
    expect(score.stderr).toMatch(/results\.jsonl:1: results schemaVersion 99 is not supported/);
    expect(score.stderr).not.toMatch(STACK_FRAME);

    const manifestDir = join(dir, 'manifest');
    mkdirSync(manifestDir);
    writeFileSync(join(manifestDir, 'run.json'), JSON.stringify({ schemaVersion: 99 }));
    writeFileSync(join(manifestDir, 'scorecard.json'), '{}');
    const report = await runCli(['report', manifestDir]);
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toMatch(/run\.json: run manifest schemaVersion 99 is not supported/);
  });

  it('an unknown flag and a bad number', async () => {
    const unknown = await runCli(['run', '--no-such-flag']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-flag');
    const bad = await runCli(['run', ...targetFlags('http://127.0.0.1:9'), '--timeout-ms', 'soon'], KEY_ENV);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--timeout-ms must be a positive integer');
  });

  it('a missing key variable is reported before any request', async () => {
    let requests = 0;
    await withServer(
      (_request, response) => {
        requests += 1;
        response.end('{}');
      },
      async (url) => {
        const dir = tempDir('nokey');
        const run = await runCli(['run', ...targetFlags(url), '--out', join(dir, 'out')], {
          AGENTSCORE_CHAOS_KEY: '',
        });
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).toContain('AGENTSCORE_CHAOS_KEY');
        expect(run.stderr).not.toMatch(STACK_FRAME);
      },
    );
    expect(requests).toBe(0);
  });
});
