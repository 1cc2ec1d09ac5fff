import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { runCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const KEY = 'Qm7vXz2KpL9sWd4RtY8nBc3H';

describe('agentscore monitor: run, store, compare, alert (real SQLite file, local webhook)', () => {
  const root = mkdtempSync(join(tmpdir(), 'agentscore-monitor-'));
  const db = join(root, 'history.sqlite');
  const received: { text: string; alerts: unknown[] }[] = [];
  let webhook: Server;
  let webhookUrl: string;

  beforeAll(async () => {
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push(JSON.parse(body) as { text: string; alerts: unknown[] });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => webhook.close(resolve));
  });

  async function monitorAgainst(profile: string, runName: string, name = 'nightly-sandbox') {
    const sandbox: RunningSandbox = await startSandbox({ profile, port: 0, apiKeys: [KEY] });
    try {
      return await runCli(
        [
          'monitor',
          '--name',
          name,
          '--provider',
          'mistral',
          '--base-url',
          `${sandbox.url}/v1`,
          '--model',
          'mistral-small-latest',
          '--api-key-env',
          'MONITOR_KEY',
          '--suite',
          'auth',
          '--suite',
          'versions',
          '--db',
          db,
          '--webhook',
          webhookUrl,
          '--out',
          join(root, runName),
        ],
        { MONITOR_KEY: KEY },
      );
    } finally {
      await sandbox.close();
    }
  }

  it('stores a first run and exits 0', async () => {
    const first = await monitorAgainst('faithful', 'run-1');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('first run of "nightly-sandbox"');
    expect(existsSync(db)).toBe(true);
  }, 60_000);

  it('alerts on a planted regression, posts the webhook and exits 1', async () => {
    const second = await monitorAgainst('no-auth', 'run-2');
    expect(second.code, second.stderr).toBe(1);
    expect(second.stdout).toMatch(/alert: .*Security › Auth Strength/);
    const alerts = JSON.parse(readFileSync(join(root, 'run-2', 'alerts.json'), 'utf8')) as {
      alerts: { kind: string }[];
    };
    expect(alerts.alerts.some((alert) => alert.kind === 'regression')).toBe(true);
    expect(existsSync(join(root, 'run-2', 'charts', 'trend.png'))).toBe(true);
    // Uptime over the stored runs is evidence in this run's scorecard, and re-scoring reproduces it.
    expect(existsSync(join(root, 'run-2', 'history-evidence.json'))).toBe(true);
    const card = readFileSync(join(root, 'run-2', 'scorecard.json'));
    expect(card.toString()).toContain('availability-history');
    expect((await runCli(['score', join(root, 'run-2')])).code).toBe(0);
    expect(readFileSync(join(root, 'run-2', 'scorecard.json')).equals(card)).toBe(true);
    expect(received.length).toBe(1);
    expect(received[0]?.text).toContain('nightly-sandbox');
  }, 60_000);

  it('sends a recovery notice when the regression clears, and history shows all three runs', async () => {
    const third = await monitorAgainst('faithful', 'run-3');
    expect(third.code, third.stderr).toBe(0);
    const alerts = JSON.parse(readFileSync(join(root, 'run-3', 'alerts.json'), 'utf8')) as {
      alerts: { kind: string }[];
    };
    expect(alerts.alerts.some((alert) => alert.kind === 'recovery')).toBe(true);
    // The DPA assessment says how long each tested measure has held over the stored runs.
    const dpa = readFileSync(join(root, 'run-3', 'dpa-assessment.md'), 'utf8');
    expect(dpa).toMatch(/API keys never come back[\s\S]*?- Held since \w+ \d+, \d{4} over 3 stored runs/);
    const history = await runCli([
      'history',
      '--name',
      'nightly-sandbox',
      '--db',
      db,
      '--chart',
      join(root, 'trend.png'),
    ]);
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(4);
    expect(readFileSync(join(root, 'trend.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(findSecret(root, KEY)).toEqual([]);
  }, 60_000);

  it("ranks the other names of the same history as Alternatives in a monitored run's report", async () => {
    const other = await monitorAgainst('faithful', 'other-1', 'other-sandbox');
    expect(other.code, other.stderr).toBe(0);
    const report = readFileSync(join(root, 'other-1', 'report.md'), 'utf8');
    const alternatives = report.slice(report.indexOf('## Alternatives'));
    expect(report).toContain('## Alternatives');
    // The latest run of nightly-sandbox (run-3), linked relative to this report's folder.
    expect(alternatives).toMatch(/### 1\. \[nightly-sandbox\]\(\.\.\/run-3\/report\.html\)/);
  }, 60_000);

  it('compare exits 1 on the regression and 0 on the recovery', async () => {
    expect((await runCli(['compare', join(root, 'run-1'), join(root, 'run-2')])).code).toBe(1);
    const back = await runCli(['compare', join(root, 'run-2'), join(root, 'run-3')]);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('No regression.');
  }, 60_000);
});
