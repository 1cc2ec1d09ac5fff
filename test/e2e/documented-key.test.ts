/**
 * The sandbox's own documented key (`sandbox-demo-key-0000`) shares words with the model id
 * `sandbox-echo-1` and with a target named after it: the real CLI must not take either for a leak
 * (no "key echoed" failure, no `[REDACTED]` in ids or names), while the key itself stays off disk.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_KEY, type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const NAME = 'sandbox-demo-key-target';

describe('a key that shares words with ids and the target name', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ profile: 'faithful', port: 0, apiKeys: [DEFAULT_SANDBOX_KEY] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('is judged by real echoes only, and names and ids come out whole', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'agentscore-documented-key-')), 'run');
    const run = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        `${sandbox.url}/v1`,
        '--model',
        'sandbox-echo-1',
        '--api-key-env',
        'AGENTSCORE_DOCUMENTED_KEY',
        '--name',
        NAME,
        '--suite',
        'auth',
        '--suite',
        'errors',
        '--out',
        out,
      ],
      { AGENTSCORE_DOCUMENTED_KEY: DEFAULT_SANDBOX_KEY },
    );
    expect(run.code, run.stderr).toBe(0);
    const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ProbeResult);
    const echoChecks = results
      .flatMap((result) => result.checks)
      .filter((check) => check.id === 'key-not-echoed');
    expect(echoChecks.length).toBeGreaterThan(0);
    expect(echoChecks.filter((check) => check.passed === false)).toEqual([]);
    const ids = results.flatMap((result) => [result.probe, ...result.checks.map((check) => check.id)]);
    expect(ids.filter((id) => id.includes('[REDACTED]'))).toEqual([]);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8')).toContain('sandbox-echo-1');
    const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
    expect(card.target.name).toBe(NAME);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(NAME);
    expect(findSecret(out, DEFAULT_SANDBOX_KEY)).toEqual([]);
  }, 240_000);
});
