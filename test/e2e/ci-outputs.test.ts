/** @module A run as CI uses it: score gates exit 1, a Prometheus textfile, the GitHub job summary. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { runCli } from './run-cli.ts';

const KEY = 'ci-outputs-key-9Vd3kL7w';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ profile: 'fast', apiKeys: [KEY] });
});
afterAll(async () => {
  await sandbox.close();
});

function runArgs(out: string, extra: string[]): string[] {
  return [
    'run',
    '--provider',
    'openai-compatible',
    '--base-url',
    sandbox.apiBaseUrl,
    '--model',
    'mistral-small-latest',
    '--api-key-env',
    'CI_OUTPUTS_KEY',
    '--name',
    'ci-target',
    '--suite',
    'auth,errors,data-handling',
    '--out',
    out,
    ...extra,
  ];
}

describe('CI outputs', () => {
  it('gates, Prometheus textfile and GitHub summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentscore-ci-'));
    const summaryFile = join(dir, 'summary.md');
    const prometheus = join(dir, 'metrics', 'agentscore.prom');
    const failing = await runCli(
      runArgs(join(dir, 'run'), [
        '--fail-under',
        'security=100,dataProtection=100',
        '--prometheus',
        prometheus,
        '--report-url',
        'https://ci.example/agentscore',
      ]),
      { CI_OUTPUTS_KEY: KEY, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile },
      dir,
    );
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stderr).toMatch(/gate failed: dataProtection/);
    expect(failing.stdout).toMatch(/^::error title=agentscore gate dataProtection::/m);
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/### agentscore: ci-target[\s\S]*\| Security \|/);
    // --report-url BASE serves the working directory: the summary links the run's report under it.
    expect(readFileSync(summaryFile, 'utf8')).toContain(
      '[Full report](https://ci.example/agentscore/run/report.html)',
    );
    const textfile = readFileSync(prometheus, 'utf8');
    expect(textfile).toMatch(/^# TYPE agentscore_category_score gauge$/m);
    expect(textfile).toContain('agentscore_run_valid{target="ci-target"} 1');
    for (const text of [failing.stdout, failing.stderr, textfile]) expect(text).not.toContain(KEY);

    // An ad hoc target with no profile still gets every section of the seed page, none empty.
    const report = readFileSync(join(dir, 'run', 'report.md'), 'utf8');
    expect(report).toContain('Derived from this run');
    const sections = [
      'Best When',
      'Avoid When',
      'Use Cases',
      'Not For',
      'Interface',
      'Authentication',
      'Pricing',
      'Agent Metadata',
    ];
    for (const section of sections) {
      const body = report.split(`## ${section}\n`)[1]?.split('\n## ')[0]?.trim() ?? '';
      expect(body.length, section).toBeGreaterThan(0);
    }
    expect(report).toMatch(/Authentication\n\n\*\*Methods:\*\* API key \(measured: the key authenticates\)/);

    const passing = await runCli(runArgs(join(dir, 'run2'), ['--fail-under', 'security=0']), {
      CI_OUTPUTS_KEY: KEY,
    });
    expect(passing.code, passing.stderr).toBe(0);

    const typo = await runCli(runArgs(join(dir, 'run3'), ['--fail-under', 'securty=80']), {
      CI_OUTPUTS_KEY: KEY,
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown score "securty"/);
  });
});
