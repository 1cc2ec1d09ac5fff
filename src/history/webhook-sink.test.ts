import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { startWebhookReceiver } from './__fixtures__/webhook-receiver.ts';
import type { Alert } from './alert.ts';
import { deliverWebhook, parseRetryAfter, type WebhookOptions } from './webhook-sink.ts';

const tempDir = useTempDir();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const alert: Alert = {
  kind: 'regression',
  key: 'category:security',
  target: 'mistral',
  what: 'Security',
  from: 83,
  to: 71,
  delta: -12,
  unit: 'points',
  reportPath: 'reports/x/report.html',
};
const payload = { text: '*agentscore* mistral: 1 regression', alerts: [alert] };

async function receiver(...script: Parameters<typeof startWebhookReceiver>) {
  const started = await startWebhookReceiver(...script);
  closers.push(started.close);
  return started;
}

function options(url: string, sleeps: number[], extra: Partial<WebhookOptions> = {}): WebhookOptions {
  return {
    url,
    payload,
    outboxPath: join(tempDir(), 'outbox.jsonl'),
    random: () => 0.5,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    ...extra,
  };
}

describe('deliverWebhook', () => {
  it('POSTs the JSON payload once when the receiver accepts it', async () => {
    const hook = await receiver([]);
    const sleeps: number[] = [];
    const delivery = await deliverWebhook(options(hook.url, sleeps));
    expect(delivery).toEqual({
      status: 'delivered',
      attempts: 1,
      httpStatus: 200,
      error: null,
      outboxPath: null,
    });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.method).toBe('POST');
    expect(hook.received[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.received[0]!.body)).toEqual(payload);
    expect(sleeps).toEqual([]);
  });

  it('retries after a 503 with exponential backoff and jitter, then succeeds', async () => {
    const hook = await receiver([{ status: 503 }, { status: 502 }]);
    const sleeps: number[] = [];
    const delivery = await deliverWebhook(options(hook.url, sleeps, { baseDelayMs: 100 }));
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts).toBe(3);
    expect(sleeps).toEqual([150, 250]); // 100·2^n + 0.5·100
  });

  it('waits as long as Retry-After asks on 429', async () => {
    const hook = await receiver([{ status: 429, headers: { 'retry-after': '2' } }]);
    const sleeps: number[] = [];
    const delivery = await deliverWebhook(options(hook.url, sleeps));
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(sleeps).toEqual([2000]);
  });

  it('parks the payload in the outbox after persistent failure, without the secret URL', async () => {
    const hook = await receiver([], { status: 500 });
    const sleeps: number[] = [];
    const settings = options(hook.url, sleeps);
    const delivery = await deliverWebhook(settings);
    expect(delivery).toEqual({
      status: 'undeliverable',
      attempts: 4,
      httpStatus: 500,
      error: 'HTTP 500',
      outboxPath: settings.outboxPath,
    });
    expect(hook.received).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    const lines = readFileSync(settings.outboxPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ attempts: 4, httpStatus: 500, payload });
    expect(lines[0]).not.toContain('secret-token');

    await deliverWebhook(settings);
    expect(readFileSync(settings.outboxPath, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('does not retry a 4xx other than 429', async () => {
    const hook = await receiver([], { status: 404 });
    const delivery = await deliverWebhook(options(hook.url, []));
    expect(delivery).toMatchObject({ status: 'undeliverable', attempts: 1, httpStatus: 404 });
  });

  it('treats a refused connection and a hung receiver as retryable network errors, never throwing', async () => {
    const hook = await receiver([]);
    await hook.close();
    const refused = await deliverWebhook(options(hook.url, [], { retries: 1 }));
    expect(refused).toMatchObject({ status: 'undeliverable', attempts: 2, httpStatus: null });
    expect(refused.error).toBeTruthy();

    const hung = await receiver([], { status: 200, hang: true });
    const started = Date.now();
    const timedOut = await deliverWebhook(options(hung.url, [], { retries: 0, timeoutMs: 200 }));
    expect(timedOut).toMatchObject({ status: 'undeliverable', attempts: 1, httpStatus: null });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('sends through an injected dispatcher', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get('https://hooks.example.test').intercept({ path: '/alerts', method: 'POST' }).reply(204, '');
    const delivery = await deliverWebhook(
      options('https://hooks.example.test/alerts', [], { dispatcher: agent }),
    );
    expect(delivery).toMatchObject({ status: 'delivered', httpStatus: 204 });
    await agent.close();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', Date.parse('2025-01-01T00:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
