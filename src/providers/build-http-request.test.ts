import { describe, expect, it } from 'vitest';
import { buildWireRequest, fillKeyPlaceholders, resolveUrl } from './build-http-request.ts';

const context = {
  baseUrl: 'https://api.example.com/openai/',
  apiKey: 'K3yK3yK3yK3y',
  kind: 'mistral' as const,
};

describe('buildWireRequest', () => {
  it('keeps a path prefix on the base URL and accepts absolute URLs', () => {
    expect(resolveUrl(context.baseUrl, '/v1/models').toString()).toBe(
      'https://api.example.com/openai/v1/models',
    );
    expect(resolveUrl(context.baseUrl, 'v1/models').toString()).toBe(
      'https://api.example.com/openai/v1/models',
    );
    expect(resolveUrl(context.baseUrl, 'http://other.test/x').toString()).toBe('http://other.test/x');
  });

  it('substitutes the key and base64 of `KEY:` into header templates', () => {
    expect(fillKeyPlaceholders('Basic {{key_base64}} / {{key}}', 'abc')).toBe('Basic YWJjOg== / abc');
  });

  it('lower-cases header names, lets callers override content-type, and encodes the query', () => {
    const wire = buildWireRequest(
      {
        method: 'post',
        path: '/v1/x',
        query: { q: 'a&b' },
        headers: { 'Content-Type': 'application/vnd.test+json', 'X-Trace': '1' },
        auth: { mode: 'query', param: 'api_key' },
        body: { a: 1 },
        timeoutMs: 1,
      },
      context,
    );
    expect(wire.method).toBe('POST');
    expect(wire.url).toBe('https://api.example.com/openai/v1/x?q=a%26b&api_key=K3yK3yK3yK3y');
    expect(wire.headers).toMatchObject({ 'content-type': 'application/vnd.test+json', 'x-trace': '1' });
    expect(wire.headers.authorization).toBeUndefined();
    expect(wire.bodyText).toBe('{"a":1}');
  });

  it('gives Mistral-shaped wrong keys to the mistral kind and sk- keys to openai-compatible', () => {
    const request = { method: 'GET', path: '/', auth: { mode: 'wrong-key' as const }, timeoutMs: 1 };
    expect(buildWireRequest(request, context).headers.authorization).toMatch(/^Bearer [A-Za-z0-9]{32}$/);
    expect(
      buildWireRequest(request, { ...context, kind: 'openai-compatible' }).headers.authorization,
    ).toMatch(/^Bearer sk-[A-Za-z0-9]{48}$/);
  });
});
