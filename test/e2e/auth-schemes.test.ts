/**
 * @module The same API behind another auth scheme or base path measures the same: the sandbox
 * takes the key in Azure's `api-key` header, in a query parameter, or serves under `/openai/v1` or
 * `/api/v1`, and the run (given the matching `--auth-scheme` and base URL) scores as the default.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type SandboxAuth, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const KEY = 'auth-scheme-key-5Rk8pQ2x';
const SUITES = 'auth,errors,json-mode,tool-calls,data-handling';

async function evaluate(auth: SandboxAuth, basePath: string, schemeFlag: string): Promise<Scorecard> {
  const sandbox = await startSandbox({ profile: 'faithful', apiKeys: [KEY], auth, basePath });
  try {
    const out = join(mkdtempSync(join(tmpdir(), 'agentscore-auth-scheme-')), 'run');
    const run = await runCli(
      [
        'run',
        '--provider',
        'openai-compatible',
        '--base-url',
        sandbox.apiBaseUrl,
        '--model',
        'mistral-small-latest',
        '--api-key-env',
        'SCHEME_TEST_KEY',
        '--auth-scheme',
        schemeFlag,
        '--name',
        'scheme-test',
        '--suite',
        SUITES,
        '--out',
        out,
      ],
      { SCHEME_TEST_KEY: KEY },
    );
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(out, 'scorecard.json'), 'utf8');
    expect(text).not.toContain(KEY);
    return JSON.parse(text) as Scorecard;
  } finally {
    await sandbox.close();
  }
}

function componentScores(scorecard: Scorecard): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const [category, value] of Object.entries(scorecard.scores))
    for (const [component, score] of Object.entries(value.components))
      scores[`${category}.${component}`] = score?.score ?? null;
  return scores;
}

describe('auth schemes and base paths', () => {
  it('measure the same as bearer auth under /v1', async () => {
    const baseline = componentScores(await evaluate({ scheme: 'bearer' }, '/v1', 'bearer'));
    const variants: [SandboxAuth, string, string][] = [
      [{ scheme: 'header', name: 'api-key' }, '/openai/v1', 'header:api-key'],
      [{ scheme: 'query', param: 'key' }, '/api/v1', 'query:key'],
      [{ scheme: 'bearer' }, '/openai/v1', 'bearer'],
      // Where the bearer-API probes put the key "wrongly" is this target's right place: skipped, not failed.
      [{ scheme: 'header', name: 'x-api-key' }, '/v1', 'header:x-api-key'],
      [{ scheme: 'query', param: 'api_key' }, '/v1', 'query:api_key'],
    ];
    for (const [auth, basePath, flag] of variants)
      expect(componentScores(await evaluate(auth, basePath, flag)), `${flag} under ${basePath}`).toEqual(
        baseline,
      );
  });
});
