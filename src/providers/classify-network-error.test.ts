import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './classify-network-error.ts';
import { parseJsonBody } from './parse-json-body.ts';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const before = { inBody: false, contentLength: null, bytesReceived: 0 };

describe('classifyNetworkError', () => {
  it('maps socket codes to failure reasons', () => {
    expect(classifyNetworkError(coded('ECONNREFUSED'), before).reason).toBe('connection-refused');
    expect(classifyNetworkError(coded('ECONNRESET'), before).reason).toBe('connection-reset');
    expect(classifyNetworkError(coded('UND_ERR_SOCKET', 'other side closed'), before).reason).toBe(
      'connection-reset',
    );
    expect(classifyNetworkError(coded('UND_ERR_CONNECT_TIMEOUT'), before).reason).toBe('timeout');
    expect(classifyNetworkError(new Error('weird'), before).reason).toBe('internal-error');
  });

  it('calls a close during the body a truncation, and finds codes in causes and AggregateErrors', () => {
    const inBody = { inBody: true, contentLength: 100, bytesReceived: 10 };
    expect(classifyNetworkError(coded('UND_ERR_SOCKET', 'other side closed'), inBody).reason).toBe(
      'truncated-body',
    );
    const wrapped = new Error('fetch failed', { cause: new AggregateError([coded('ECONNREFUSED')]) });
    expect(classifyNetworkError(wrapped, before)).toMatchObject({ reason: 'connection-refused' });
  });
});

describe('parseJsonBody', () => {
  it('tells invalid JSON from a truncated body', () => {
    expect(parseJsonBody({ bodyText: '{"a":1}' })).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody({ bodyText: '{"a": nope}' })).toMatchObject({ ok: false, reason: 'invalid-json' });
    expect(parseJsonBody({ bodyText: '{"a": [1, 2' })).toMatchObject({ ok: false, reason: 'truncated-body' });
    expect(parseJsonBody({ bodyText: '' })).toMatchObject({ ok: false, reason: 'invalid-json' });
    const cut = { bodyText: '{"a":1}', failure: { reason: 'body-too-large' as const, message: '' } };
    expect(parseJsonBody(cut)).toMatchObject({ ok: false, reason: 'truncated-body' });
  });
});
