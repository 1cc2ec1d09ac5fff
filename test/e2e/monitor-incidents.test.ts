import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminQuery,
  postgresTestsEnabled,
  TEST_PG_URL,
  urlWithSchema,
} from '../../src/history/__fixtures__/postgres-test-schema.ts';
import type { AlertMessage } from '../../src/history/alert-message.ts';
import type { AlertsDocument } from '../../src/history/alerts.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { createAjv } from '../../src/suite/create-ajv.ts';
import { runCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const KEY = 'Vx8qLm2RtZ7pWc4NbY9sKd3F';
const REPORT_URL = 'https://ci.example/agentscore/';
const HEADLINES = ['Agent Friendliness', 'Security', 'Reliability', 'Data Protection'];
const validateMessage = createAjv().compile(
  JSON.parse(
    readFileSync(new URL('../../schemas/monitor-message.schema.json', import.meta.url), 'utf8'),
  ) as object,
);

/**
 * The "done when" for alerts: a healthy night, then the sandbox degraded (`no-auth`: auth is
 * not enforced) for two nights, then healthy again. One message opens the incident, the second
 * degraded night is silent, the healthy night closes it with one recovery message.
 */
function incidentScenario(history: (root: string) => Promise<{ db: string; drop?: () => Promise<unknown> }>) {
  const root = mkdtempSync(join(tmpdir(), 'agentscore-incidents-'));
  let db: string;
  let drop: (() => Promise<unknown>) | undefined;
  const received: AlertMessage[] = [];
  const invalid: string[] = [];
  let webhook: Server;
  let webhookUrl: string;

  beforeAll(async () => {
    ({ db, drop } = await history(root));
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        const message = JSON.parse(body) as AlertMessage;
        // Every posted body is the documented payload.
        if (!validateMessage(message)) invalid.push(JSON.stringify(validateMessage.errors));
        received.push(message);
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((resolve) => webhook.close(resolve));
    await drop?.();
  });

  /** One night: a fresh sandbox with `profile` (the base URL changes; `--name` keeps the series). */
  async function night(profile: 'faithful' | 'no-auth', runName: string) {
    const sandbox: RunningSandbox = await startSandbox({ profile, port: 0, apiKeys: [KEY] });
    const summary = join(root, `${runName}-summary.md`);
    try {
      const run = await runCli(
        [
          'monitor',
          '--name',
          'nightly-sandbox',
          '--provider',
          'mistral',
          '--base-url',
          `${sandbox.url}/v1`,
          '--model',
          'mistral-small-latest',
          '--api-key-env',
          'MONITOR_KEY',
          // auth moves Security › Auth Strength; data-handling gives Security enough coverage to be a headline score.
          '--suite',
          'auth',
          '--suite',
          'data-handling',
          '--db',
          db,
          '--webhook',
          webhookUrl,
          '--report-url',
          REPORT_URL,
          '--out',
          join('nightly', runName),
        ],
        { MONITOR_KEY: KEY, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' },
        root,
      );
      return { ...run, summary };
    } finally {
      await sandbox.close();
    }
  }

  const alertsOf = (runName: string) =>
    JSON.parse(readFileSync(join(root, 'nightly', runName, 'alerts.json'), 'utf8')) as AlertsDocument;

  it('a healthy first night is stored and sends nothing', async () => {
    const first = await night('faithful', 'run-1');
    expect(first.code, first.stderr).toBe(0);
    expect(received).toHaveLength(0);
    expect(readFileSync(first.summary, 'utf8')).toContain('First run of this name');
  }, 60_000);

  it('a degraded night opens an incident: exactly one message, headline first, links under --report-url', async () => {
    const second = await night('no-auth', 'run-2');
    expect(second.code, second.stderr).toBe(1);
    expect(received).toHaveLength(1);
    const message = received[0]!;
    expect(message).toMatchObject({ event: 'opened', name: 'nightly-sandbox', incident: { status: 'open' } });
    const reportUrl = `${REPORT_URL}nightly/run-2/report.html`;
    expect(message.reportUrl).toBe(reportUrl);

    // Headline first: the first bullet of the text and the first section of the blocks are categories.
    const bullets = message.text.split('\n').filter((line) => line.startsWith('• '));
    expect(HEADLINES.some((headline) => bullets[0]?.startsWith(`• ${headline} `))).toBe(true);
    expect(bullets[0]).not.toContain('›');
    expect(message.blocks[0]?.type).toBe('header');
    const firstSection = message.blocks[1];
    expect(
      firstSection?.type === 'section' &&
        /^\*(Security|Agent Friendliness|Reliability)\*/.test(firstSection.text.text),
    ).toBe(true);
    // Check flips are one line, not one bullet each.
    const flips = message.alerts.filter((alert) => alert.key.startsWith('check:'));
    expect(flips.length).toBeGreaterThan(0);
    expect(bullets.filter((line) => line.includes('check')).length).toBe(1);
    expect(bullets.at(-1)).toContain(
      `check flip${flips.length === 1 ? '' : 's'} (pass → fail): ${reportUrl}`,
    );

    // Every link in the message points under --report-url; no local path leaks out.
    const body = JSON.stringify(message);
    const links = body.match(/https?:\/\/[^\s|>"\\]+/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(REPORT_URL), link).toBe(true);
    expect(body).not.toContain(root);

    expect(alertsOf('run-2').incident).toMatchObject({ event: 'opened', status: 'open' });
    const summary = readFileSync(second.summary, 'utf8');
    expect(summary).toContain('### agentscore monitor: nightly-sandbox');
    expect(summary).toContain('Regression: incident opened');
    expect(summary).toContain(`[report](${reportUrl})`);
    // The run's own scorecard summary is there too (GITHUB_ACTIONS is set), and the annotation on stdout.
    expect(summary).toContain('| Security |');
    expect(second.stdout).toMatch(/::error title=agentscore monitor nightly-sandbox::incident opened/);
  }, 60_000);

  it('a second degraded night is the same incident: no message, still exit 1', async () => {
    const third = await night('no-auth', 'run-3');
    expect(third.code, third.stderr).toBe(1);
    expect(received).toHaveLength(1);
    expect(third.stdout).toMatch(/still regressed against the last healthy run .*, no new alert/);
    expect(alertsOf('run-3').incident).toMatchObject({ event: 'ongoing', openedRunId: received[0]!.runId });
    expect(readFileSync(third.summary, 'utf8')).toContain('no new alert');
  }, 60_000);

  it('a healthy night closes the incident with one recovery message', async () => {
    const fourth = await night('faithful', 'run-4');
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(received).toHaveLength(2);
    expect(invalid, 'every posted body matches schemas/monitor-message.schema.json').toEqual([]);
    const recovery = received[1]!;
    expect(recovery).toMatchObject({
      event: 'recovered',
      incident: { status: 'closed', openedRunId: received[0]!.runId },
      reportUrl: `${REPORT_URL}nightly/run-4/report.html`,
    });
    expect(recovery.alerts.every((alert) => alert.kind === 'recovery')).toBe(true);
    expect(recovery.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '🟢 nightly-sandbox: recovered' },
    });
    expect(readFileSync(fourth.summary, 'utf8')).toContain('Recovered: incident closed');
    expect(existsSync(join(root, 'nightly', 'outbox.jsonl'))).toBe(false);
    expect(findSecret(root, KEY)).toEqual([]);
  }, 60_000);
}

describe('agentscore monitor: one message per incident, links under --report-url, job summary (SQLite)', () => {
  incidentScenario(async (root) => ({ db: join(root, 'history.sqlite') }));
});

describe.skipIf(!postgresTestsEnabled())('the same incidents on a PostgreSQL history (real server)', () => {
  incidentScenario(async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE SCHEMA ${schema}`);
    return {
      db: urlWithSchema(TEST_PG_URL, schema),
      drop: () => adminQuery(`DROP SCHEMA ${schema} CASCADE`),
    };
  });
});

describe('agentscore monitor --report-url', () => {
  it('refuses a run folder the URL does not serve, before running anything (exit 2)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'agentscore-served-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'agentscore-elsewhere-'));
    const run = await runCli(
      [
        'monitor',
        '--name',
        'n',
        '--provider',
        'mistral',
        '--base-url',
        'http://127.0.0.1:9/v1',
        '--model',
        'm',
        '--api-key-env',
        'MONITOR_KEY',
        '--db',
        join(cwd, 'history.sqlite'),
        '--report-url',
        REPORT_URL,
        '--out',
        elsewhere,
      ],
      { MONITOR_KEY: KEY },
      cwd,
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`--report-url: the run folder ${elsewhere} is not inside ${cwd}`);
    expect(existsSync(join(cwd, 'history.sqlite'))).toBe(false);
  }, 30_000);
});
