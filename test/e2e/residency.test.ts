/**
 * @module Residency measured where it can be: a target that documents regional endpoints (here a
 * second sandbox as its "EU" endpoint and a closed port as "US") gets each called, the verdict
 * scored under Data Residency and the hosts listed in the DPA assessment.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import { runCli } from './run-cli.ts';

const KEY = 'residency-key-4Hq8vZ2m';

describe('regional endpoints', () => {
  it('calls each documented region and records which answered', async () => {
    const main = await startSandbox({ profile: 'fast', apiKeys: [KEY] });
    const eu = await startSandbox({ profile: 'fast', apiKeys: [KEY] });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'agentscore-residency-'));
      const config = join(dir, 'agentscore.config.yaml');
      writeFileSync(
        config,
        [
          'targets:',
          '  regional:',
          '    provider: openai-compatible',
          `    baseUrl: ${main.apiBaseUrl}`,
          '    model: mistral-small-latest',
          '    apiKeyEnv: RESIDENCY_KEY',
          '    regionalEndpoints:',
          `      - { region: eu, baseUrl: "${eu.apiBaseUrl}" }`,
          '      - { region: us, baseUrl: "http://127.0.0.1:9/v1" }',
          '',
        ].join('\n'),
      );
      const out = join(dir, 'run');
      const run = await runCli(
        ['run', '--target', 'regional', '--config', config, '--suite', 'data-handling', '--out', out],
        { RESIDENCY_KEY: KEY },
      );
      expect(run.code, run.stderr).toBe(0);
      const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ProbeResult);
      const regional = results.find((result) => result.probe === 'regional-endpoints');
      expect(regional?.checks).toEqual([
        expect.objectContaining({
          id: 'eu-endpoint-answers',
          component: 'dataProtection.dataResidency',
          passed: true,
        }),
      ]);
      const dpa = readFileSync(join(out, 'dpa-assessment.md'), 'utf8');
      expect(dpa).toMatch(
        new RegExp(
          `Regional endpoints called: ${new URL(eu.apiBaseUrl).host}: answered 200; 127\\.0\\.0\\.1:9: no answer`,
        ),
      );
      expect(dpa).not.toContain(KEY);
    } finally {
      await Promise.all([main.close(), eu.close()]);
    }
  });
});
