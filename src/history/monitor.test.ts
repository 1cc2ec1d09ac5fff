import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureRunOptions, fixtureRun } from './__fixtures__/fixture-runs.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { startWebhookReceiver } from './__fixtures__/webhook-receiver.ts';
import type { AlertsDocument } from './alerts.ts';
import type { HistoryStore } from './history-store.ts';
import { monitorAfterRun, readMonitorHistory } from './monitor.ts';
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
  });
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

  it('alerts on a regression through console, alerts.json and the webhook, with secrets scrubbed', async () => {
    const { root, store } = setup();
    const hook = await startWebhookReceiver([]);
    cleanups.push(hook.close);
    await monitor(store, root, 1, {});
    const outcome = await monitor(store, root, 2, { components: { 'security.authStrength': 40 } }, hook.url);

    expect(outcome.exitCode).toBe(1);
    expect(outcome.firstRun).toBe(false);
    expect(outcome.baseRunId).toBe('run-1');
    expect(outcome.delivery.console[0]).toBe(
      `mistral: Security 83 → 74 (−9), report: ${join(root, 'run-2-[redacted]', 'report.html')}`,
    );
    expect(outcome.delivery.webhook).toMatchObject({ status: 'delivered', attempts: 1 });
    const body = hook.received[0]!.body;
    const posted = JSON.parse(body) as { text: string; alerts: unknown[] };
    expect(posted.text).toContain('mistral: 2 regressions, 0 latency changes, 0 recoveries');
    expect(posted.alerts).toHaveLength(2);
    const file = readFileSync(outcome.delivery.alertsFile, 'utf8');
    for (const text of [body, file, ...outcome.delivery.console, JSON.stringify(outcome.comparison)]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('sends a recovery only for a check that regressed in the previous comparison', async () => {
    const { root, store } = setup();
    await monitor(store, root, 1, { checks: { 'key-not-echoed': false } });
    const regressed = await monitor(store, root, 2, {
      checks: { 'key-not-echoed': false, 'unauthenticated-rejected': false },
    });
    expect(regressed.alerts.map((alert) => alert.key)).toEqual([
      'check:security/unauthenticated-rejected/unauthenticated-rejected',
    ]);
    const recovered = await monitor(store, root, 3, {});
    expect(recovered.exitCode).toBe(0);
    expect(recovered.comparison?.improvements).toHaveLength(2);
    expect(recovered.alerts.map((alert) => [alert.kind, alert.key])).toEqual([
      ['recovery', 'check:security/unauthenticated-rejected/unauthenticated-rejected'],
    ]);
    expect(recovered.delivery.console[0]).toMatch(/check unauthenticated-rejected .* fail → pass/);
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
    const history = await readMonitorHistory(store, 'mistral', { threshold: 5 });
    expect(history.trend.map((point) => point.runId)).toEqual(['run-1', 'run-2']);
    expect(history.previous?.runId).toBe('run-2');
    expect(history.previousRegressions).toEqual([
      'check:security/unauthenticated-rejected/unauthenticated-rejected',
    ]);
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
    expect(outcome.baseRunId).toBe('run-2');
    expect(outcome.alerts.map((alert) => [alert.kind, alert.key])).toEqual([
      ['recovery', 'check:security/unauthenticated-rejected/unauthenticated-rejected'],
    ]);
  });
});
