import { describe, expect, it } from 'vitest';
import {
  type FetchRecord,
  fetchThroughRun,
  SDK_KEY_PLACEHOLDER,
  SDK_WRONG_KEY_MARKER,
  type SendThroughRun,
} from './fetch-through-run.ts';
import type { ProviderExchange, ProviderRequest } from './provider.ts';

function exchange(overrides: Partial<ProviderExchange>): ProviderExchange {
  return {
    request: { method: 'POST', url: 'http://x/v1/chat/completions', headers: {} },
    status: 200,
    headers: { 'content-type': 'application/json' },
    bodyText: '{"ok":true}',
    bodyBytes: 11,
    timings: { startedAt: '2026-11-26T00:00:00.000Z', ttfbMs: 1, e2eMs: 2 },
    ...overrides,
  };
}

function harness(answer: ProviderExchange | Error) {
  const sent: Array<{ request: ProviderRequest; acceptThrottle?: boolean }> = [];
  const send: SendThroughRun = async (request, options) => {
    sent.push({ request, acceptThrottle: options?.acceptThrottle });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const record: FetchRecord = { exchanges: [] };
  return { sent, record, fetch: fetchThroughRun(send, 3_000, record, true) };
}

describe('fetchThroughRun', () => {
  it('hands the request to the run with the auth mode the SDK key stands for, body and headers as sent', async () => {
    const { sent, record, fetch } = harness(exchange({}));
    const response = await fetch('http://x/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${SDK_KEY_PLACEHOLDER}`, 'X-Stainless-Lang': 'js' },
      body: '{"model":"m","stream":true}',
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(sent[0]).toEqual({
      request: {
        method: 'POST',
        path: 'http://x/v1/chat/completions',
        headers: { 'x-stainless-lang': 'js' },
        auth: { mode: 'bearer' },
        rawBody: '{"model":"m","stream":true}',
        stream: true,
        timeoutMs: 3_000,
      },
      acceptThrottle: true,
    });
    expect(record.exchanges).toHaveLength(1);
    await fetch('http://x/v1/models', { headers: { authorization: `Bearer ${SDK_WRONG_KEY_MARKER}` } });
    expect(sent[1]?.request).toMatchObject({ method: 'GET', auth: { mode: 'wrong-key' }, stream: false });
    await fetch('http://x/v1/models');
    expect(sent[2]?.request.auth).toEqual({ mode: 'none' });
  });

  it('throws as fetch does when no answer came, with "timed out" for the SDK to recognise', async () => {
    const { fetch } = harness(
      exchange({
        status: null,
        failure: { reason: 'timeout', message: 'timed out before response headers' },
      }),
    );
    const thrown = await fetch('http://x/v1/models').catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(TypeError);
    expect(String((thrown as TypeError).cause)).toContain('timeout: timed out before response headers');
  });

  it('gives the body read so far, then a stream error, when the answer broke mid-body', async () => {
    const { fetch } = harness(
      exchange({
        bodyText: 'data: {"a":1}\n\n',
        failure: { reason: 'connection-reset', message: 'socket hang up' },
      }),
    );
    const response = await fetch('http://x/v1/chat/completions');
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"a":1}\n\n');
    await expect(reader.read()).rejects.toThrow(/terminated: connection-reset/);
  });

  it('answers 204 without a body and records what the run refused to send', async () => {
    expect(
      (await harness(exchange({ status: 204, bodyText: '' })).fetch('http://x/v1/files/1')).body,
    ).toBeNull();
    const spent = new Error('request budget of 1 spent');
    const { record, fetch } = harness(spent);
    await expect(fetch('http://x/v1/models')).rejects.toBe(spent);
    expect(record).toEqual({ exchanges: [], runStopped: spent });
  });
});
