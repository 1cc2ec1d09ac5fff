/** @module E2E: `agentscore plan` estimates what `run` then sends against the real sandbox, and run honours token and cost budgets. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEstimate } from '../../src/run/plan-estimate.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { createAjv } from '../../src/suite/create-ajv.ts';
import { runCli } from './run-cli.ts';

const KEY = 'e2e-plan-key-Hv4kQ9mZt2Lr8XcB';
const env = { AGENTSCORE_E2E_KEY: KEY, AGENTSCORE_FROM_SOURCE: '1' };
/**
 * Every suite except the two whose burst probes stop at the sandbox's first 429: the plan counts a
 * burst at its bound (`maxRequests`), which only the target's limiter decides.
 */
const SUITES = 'auth,data-handling,errors,json-mode,latency,mcp,sdk,tool-calls,transport,versions';
const planSchema = JSON.parse(
  readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'),
) as object;

function targetFlags(serverUrl: string, suites = SUITES): string[] {
  return [
    '--provider',
    'mistral',
    '--base-url',
    `${serverUrl}/v1`,
    '--model',
    'mistral-small-latest',
    '--api-key-env',
    'AGENTSCORE_E2E_KEY',
    '--profile',
    'sandbox',
    '--name',
    'e2e-plan',
    '--suite',
    suites,
  ];
}

function readResults(runDir: string): ProbeResult[] {
  return readFileSync(join(runDir, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProbeResult);
}

describe('agentscore plan against the real sandbox over loopback', () => {
  let sandbox: RunningSandbox;
  const root = mkdtempSync(join(tmpdir(), 'agentscore-plan-'));

  beforeAll(async () => {
    sandbox = await startSandbox({ profile: 'faithful', port: 0, apiKeys: [KEY] });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('plans within 5 % of the requests run then sends, prints the same estimate before the run, and prices the run', async () => {
    const planned = await runCli(['plan', ...targetFlags(sandbox.url), '--json'], env);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout) as PlanEstimate;
    const validate = createAjv('2020-12').compile(planSchema);
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.suites.map((suite) => suite.id)).toEqual(SUITES.split(','));
    expect(plan.cost?.currency).toBe('EUR');

    const table = await runCli(['plan', ...targetFlags(sandbox.url)], env);
    expect(table.stdout).toMatch(/^total\s+\d+\s+84\s+/m);
    expect(table.stdout).toContain('nothing was sent');

    const runDir = join(root, 'run');
    const run = await runCli(['run', ...targetFlags(sandbox.url), '--out', runDir], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `plan: ${plan.totals.repetitions} probe runs, ~${plan.totals.requests} requests`,
    );
    const probeRequests = Number(/· (\d+) requests/.exec(run.stdout)?.[1]);
    const manifest = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as {
      preflight: { requests: unknown[] };
    };
    const sent = probeRequests + manifest.preflight.requests.length;
    expect(Math.abs(sent - plan.totals.requests) / sent).toBeLessThanOrEqual(0.05);
    expect(sent).toBeLessThanOrEqual(plan.totals.maxRequests);

    const scorecard = JSON.parse(readFileSync(join(runDir, 'scorecard.json'), 'utf8')) as Scorecard;
    const cost = scorecard.cost!;
    expect(cost.tokens.exchangesWithUsage).toBeGreaterThan(0);
    // The run's cost is its reported tokens at the sandbox's list price (0.2 / 0.6 EUR per million).
    expect(cost.runCost).toBeCloseTo((cost.tokens.input * 0.2 + cost.tokens.output * 0.6) / 1e6, 9);
    expect(cost.tokens.input + cost.tokens.output).toBeLessThanOrEqual(plan.totals.tokens);
    expect(cost.agentTask?.samples).toBe(4);
    const report = readFileSync(join(runDir, 'report.md'), 'utf8');
    expect(report).toContain('Cost per 1,000 agent tasks');
  });

  it('stops sending at --budget-tokens and at --budget-cost: later probes are skipped as budget-exhausted', async () => {
    for (const [flag, value] of [
      ['--budget-tokens', '300'],
      ['--budget-cost', '0.00005'],
    ] as const) {
      const runDir = join(root, flag.slice(2));
      const run = await runCli(
        ['run', ...targetFlags(sandbox.url, 'json-mode'), '--concurrency', '1', flag, value, '--out', runDir],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('budget ran out');
      const results = readResults(runDir);
      const skipped = results.filter((result) => result.reason === 'budget-exhausted');
      expect(skipped.length).toBeGreaterThan(0);
      expect(results.filter((result) => result.status !== 'skipped').length).toBeGreaterThan(0);
    }
  });

  it('the README prints the Mistral figure as `plan --target mistral` prints it, within 500 requests and 150k tokens', async () => {
    const planned = await runCli(['plan', '--target', 'mistral', '--json'], env);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout) as PlanEstimate;
    expect(plan.totals.maxRequests).toBeLessThanOrEqual(500);
    expect(plan.totals.tokens).toBeLessThanOrEqual(150_000);
    const table = await runCli(['plan', '--target', 'mistral'], env);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const figures = table.stdout.split('\n').filter((text) => /^(total|plan:|estimate:) /.test(text));
    expect(figures).toHaveLength(3);
    for (const line of figures) expect(readme).toContain(line);
  });

  it('refuses a cost budget when the profile prices no such model (exit 2, before any request)', async () => {
    const flags = targetFlags(sandbox.url, 'json-mode').map((flag) =>
      flag === 'mistral-small-latest' ? 'unpriced-model' : flag,
    );
    const run = await runCli(['run', ...flags, '--budget-cost', '1', '--out', join(root, 'refused')], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--budget-cost: the target profile has no fresh price for the model "unpriced-model"',
    );
  });
});
