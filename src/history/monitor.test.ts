import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureRunOptions, fixtureRun } from './__fixtures__/fixture-runs.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { startWebhookReceiver } from './__fixtures__/webhook-receiver.ts';
import type { AlertMessage } from './alert-message.ts';
import type { AlertsDocument } from './alerts.ts';
import type { HistoryStore } from './history-store.ts';
import { type MonitorInput, monitorAfterRun, readMonitorHistory } from './monitor.ts';
import { openSqliteHistoryStore, type SqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const SECRET = 'sk-live-0123456789';
const scrub = (text: string) => text.replaceAll(SECRET, '[redacted]');

function setup() {
  const root = tempDir();
  const store = openSqliteHistoryStore(join(root, 'history.sqlite'));
  cleanups.push(() => store.close());
  return { root, store };
}

function monitor(
  store: SqliteHistoryStore,
  root: string,
  day: number,
  options: Partial<FixtureRunOptions>,
  webhookUrl?: string,
  extra: Pick<MonitorInput, 'realertAfter' | 'reportSite'> = {},
) {
  const runId = `run-${day}`;
  // A run directory whose name leaks a key: every alert string must come out scrubbed.
  const runDir = join(root, `${runId}-${SECRET}`);
  const run = fixtureRun({ runId, startedAt: new Date(Date.UTC(2025, 0, day)).toISOString(), ...options });
  return monitorAfterRun({
    store,
    name: 'mistral',
    runId,
    runDir,
    ...run,
    threshold: 5,
    scrub,
    webhookUrl,
    webhookTiming: { sleep: async () => {} },
    ...extra,
  });
}

function posted(hook: { received: { body: string }[] }, index: number): AlertMessage {
  return JSON.parse(hook.received[index]!.body) as AlertMessage;
}

function readAlertsFile(path: string): AlertsDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as AlertsDocument;
}

describe('monitorAfterRun', () => {
  it('stores the first run of a name without comparing and exits 0', async () => {
    const { root, store } = setup();
    const outcome = await monitor(store, root, 1, {});
    expect(outcome).toMatchObject({
      exitCode: 0,
      firstRun: true,
      comparison: null,
      alerts: [],
      baseRunId: null,
    });
    expect(outcome.delivery.webhook).toBeNull();
    expect(readAlertsFile(outcome.delivery.alertsFile)).toMatchObject({
      runId: 'run-1',
      baseRunId: null,
      alerts: [],
    });
    expect(store.latestRuns('mistral', 5)).toHaveLength(1);
  });

  it('opens an incident on a regression: one message, headline first, secrets scrubbed', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    await monitor(store, root, 1, {});
    const outcome = await monitor(
      store,
      root,
      2,
      { components: { 'security.authStrength': 40 }, checks: { 'key-not-echoed': false } },
      hook.url,
    );

    expect(outcome).toMatchObject({
      exitCode: 1,
      firstRun: false,
      baseRunId: 'run-1',
      incidentEvent: 'opened',
    });
    expect(outcome.incident).toMatchObject({ openedRunId: 'run-2', baselineRunId: 'run-1', status: 'open' });
    expect(outcome.delivery.console[0]).toBe(
      `mistral: Security 83 → 74 (−9), report: ${join(root, 'run-2-[redacted]', 'report.html')}`,
    );
    expect(outcome.delivery.webhook).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(hook.received).toHaveLength(1);
    const message = posted(hook, 0);
    expect(message.event).toBe('opened');
    expect(message.text.split('\n')).toEqual([
      'agentscore mistral: regression (2 scores, 1 check)',
      '• Security 83 → 74 (−9)',
      '• Security › Auth Strength 85 → 40 (−45)',
      `• and 1 check flip (pass → fail): ${join(root, 'run-2-[redacted]', 'report.html')}`,
      `report: ${join(root, 'run-2-[redacted]', 'report.html')}`,
    ]);
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Security* 83 → 74 (−9)' },
    });
    expect(message.alerts.map((alert) => alert.key)).toEqual([
      'category:security',
      'component:security.authStrength',
      'check:security/key-not-echoed/key-not-echoed',
    ]);
    const file = readFileSync(outcome.delivery.alertsFile, 'utf8');
    expect(readAlertsFile(outcome.delivery.alertsFile).incident).toMatchObject({
      event: 'opened',
      status: 'open',
    });
    for (const text of [
      hook.received[0]!.body,
      file,
      ...outcome.delivery.console,
      JSON.stringify(outcome.comparison),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('stays silent while the regression lasts, updates on a deeper drop, and recovers once', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    await monitor(store, root, 1, {}, hook.url);
    await monitor(store, root, 2, { components: { 'security.authStrength': 40 } }, hook.url);
    // Against the previous run this is an improvement; against the last healthy run it is the same regression.
    const lasting = await monitor(store, root, 3, { components: { 'security.authStrength': 42 } }, hook.url);
    expect(lasting).toMatchObject({ exitCode: 1, baseRunId: 'run-1', incidentEvent: 'ongoing' });
    expect(lasting.delivery.message).toBeNull();
    expect(lasting.delivery.webhook).toBeNull();
    expect(lasting.delivery.incidentNote).toMatch(
      /still regressed against the last healthy run run-1, no new alert/,
    );
    expect(hook.received).toHaveLength(1);

    const deeper = await monitor(store, root, 4, { components: { 'security.authStrength': 10 } }, hook.url);
    expect(deeper.incidentEvent).toBe('updated');
    expect(hook.received).toHaveLength(2);
    expect(posted(hook, 1).alerts.map((alert) => [alert.key, alert.to])).toEqual([
      ['category:security', 68],
      ['component:security.authStrength', 10],
    ]);
    expect(posted(hook, 1).incident.openedRunId).toBe('run-2');

    const back = await monitor(store, root, 5, { components: { 'security.authStrength': 83 } }, hook.url);
    expect(back).toMatchObject({ exitCode: 0, baseRunId: 'run-1', incidentEvent: 'recovered' });
    expect(back.incident).toMatchObject({ status: 'closed', closedRunId: 'run-5' });
    expect(hook.received).toHaveLength(3);
    const recovery = posted(hook, 2);
    expect(recovery.event).toBe('recovered');
    expect(recovery.text.split('\n').slice(0, 3)).toEqual([
      'agentscore mistral: recovered (2 scores back to the baseline)',
      '• Security 68 → 83 (+15)',
      '• Security › Auth Strength 10 → 83 (+73)',
    ]);
    expect(await store.openIncident('mistral')).toBeNull();

    const quiet = await monitor(store, root, 6, {}, hook.url);
    expect(quiet).toMatchObject({ exitCode: 0, baseRunId: 'run-5', incidentEvent: 'none' });
    expect(hook.received).toHaveLength(3);
  });

  it('reminds of an unchanged incident after --realert-after silent runs', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    const regressed = { checks: { 'rate-limit-headers': false } };
    await monitor(store, root, 1, {}, hook.url);
    const events = [];
    for (const day of [2, 3, 4, 5])
      events.push((await monitor(store, root, day, regressed, hook.url, { realertAfter: 2 })).incidentEvent);
    expect(events).toEqual(['opened', 'ongoing', 'reminder', 'ongoing']);
    expect(hook.received.map((request) => posted({ received: [request] }, 0).event)).toEqual([
      'opened',
      'reminder',
    ]);
  });

  it('links to the report under --report-url', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    const reportSite = { baseUrl: 'https://ci.example/agentscore/', servedDir: root };
    await monitor(store, root, 1, {}, hook.url, { reportSite });
    const outcome = await monitor(store, root, 2, { checks: { 'key-not-echoed': false } }, hook.url, {
      reportSite,
    });
    const url = 'https://ci.example/agentscore/run-2-[redacted]/report.html';
    expect(outcome.reportUrl).toBe(url);
    expect(outcome.alerts[0]?.reportPath).toBe(url);
    const message = posted(hook, 0);
    expect(message.reportUrl).toBe(url);
    expect(JSON.stringify(message.blocks)).toContain(`<${url}|1 check flip (pass → fail)>`);
    expect(message.text).not.toContain(root);
  });

  it('parks alerts in the outbox when the webhook keeps failing, and still reports the regression', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([], { status: 503 });
    cleanups.push(hook.close);
    await monitor(store, root, 1, {});
    const outcome = await monitor(store, root, 2, { checks: { 'rate-limit-headers': false } }, hook.url);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.delivery.webhook).toMatchObject({
      status: 'undeliverable',
      attempts: 4,
      outboxPath: join(root, 'outbox.jsonl'),
    });
    expect(existsSync(join(root, 'outbox.jsonl'))).toBe(true);
    expect(hook.received).toHaveLength(4);
  });

  it('reads history once before the run: with that history, storing and comparing read nothing more', async () => {
    const { root, store } = setup();
    await monitor(store, root, 1, { availability: { samples: 100, successRate: 0.9 } });
    await monitor(store, root, 2, { checks: { 'unauthenticated-rejected': false } });
    const history = await readMonitorHistory(store, 'mistral');
    expect(history.trend.map((point) => point.runId)).toEqual(['run-1', 'run-2']);
    // An incident is open since run-2: the baseline is the last healthy run.
    expect(history.incident).toMatchObject({ openedRunId: 'run-2', baselineRunId: 'run-1' });
    expect(history.previous?.runId).toBe('run-1');
    expect(history.uptime.runs).toBeGreaterThanOrEqual(1);

    const reads: string[] = [];
    const read = <T>(what: string, value: T): T => {
      reads.push(what);
      return value;
    };
    const counting: HistoryStore = {
      saveRun: (run) => store.saveRun(run),
      runNames: () => read('runNames', store.runNames()),
      latestRuns: (name, limit) => read('latestRuns', store.latestRuns(name, limit)),
      previousRun: (name, before) => read('previousRun', store.previousRun(name, before)),
      runResults: (runId) => read('runResults', store.runResults(runId)),
      trend: (name, options) => read('trend', store.trend(name, options)),
      openIncident: (name) => read('openIncident', store.openIncident(name)),
      saveIncident: (incident) => store.saveIncident(incident),
      close: () => {},
    };
    const run = fixtureRun({ runId: 'run-3', startedAt: new Date(Date.UTC(2025, 0, 3)).toISOString() });
    const outcome = await monitorAfterRun({
      store: counting,
      name: 'mistral',
      runId: 'run-3',
      runDir: join(root, 'run-3'),
      ...run,
      history,
      threshold: 5,
      scrub,
    });
    expect(reads).toEqual([]);
    expect(outcome.baseRunId).toBe('run-1');
    expect(outcome.incidentEvent).toBe('recovered');
    expect(outcome.alerts.map((alert) => [alert.kind, alert.key, alert.from, alert.to])).toEqual([
      ['recovery', 'check:security/unauthenticated-rejected/unauthenticated-rejected', 'fail', 'pass'],
    ]);
  });

  it('two monitors of one target that both see a regression alert once: the later run joins the incident', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    await monitor(store, root, 1, {});
    // Both read history before their runs, when nothing was open yet.
    const staleHistory = await readMonitorHistory(store, 'mistral');
    const regressed = { components: { 'security.authStrength': 40 } };
    const first = await monitor(store, root, 2, regressed, hook.url);
    expect(first.incidentEvent).toBe('opened');

    const run = fixtureRun({
      runId: 'run-3',
      startedAt: new Date(Date.UTC(2025, 0, 3)).toISOString(),
      ...regressed,
    });
    const second = await monitorAfterRun({
      store,
      name: 'mistral',
      runId: 'run-3',
      runDir: join(root, 'run-3'),
      ...run,
      history: staleHistory,
      threshold: 5,
      scrub,
      webhookUrl: hook.url,
      webhookTiming: { sleep: async () => {} },
    });
    expect(second.incidentEvent).toBe('ongoing');
    expect(second.incident?.openedRunId).toBe('run-2');
    expect(hook.received).toHaveLength(1);
    expect(store.openIncident('mistral')?.openedRunId).toBe('run-2');
  });
});
