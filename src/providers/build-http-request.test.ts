import { describe, expect, it } from 'vitest';
import {
  buildWireRequest,
  fillKeyPlaceholders,
  pathRelativeToBase,
  resolveUrl,
} from './build-http-request.ts';

const context = {
  baseUrl: 'https://api.example.com/openai/v1/',
  apiKey: 'K3yK3yK3yK3y',
  kind: 'mistral' as const,
};

describe('buildWireRequest', () => {
  it('maps spec paths (`/v1/...`) onto the base URL as the ecosystem writes it', () => {
    const cases: Array<[string, string, string]> = [
      ['https://api.mistral.ai/v1', '/v1/models', 'https://api.mistral.ai/v1/models'],
      ['https://api.mistral.ai/v1/', '/v1/chat/completions', 'https://api.mistral.ai/v1/chat/completions'],
      [
        'https://openrouter.ai/api/v1',
        '/v1/chat/completions',
        'https://openrouter.ai/api/v1/chat/completions',
      ],
      [
        'https://generativelanguage.googleapis.com/v1beta/openai',
        '/v1/models',
        'https://generativelanguage.googleapis.com/v1beta/openai/models',
      ],
      ['http://host:8000', '/v1/models', 'http://host:8000/models'],
      ['http://host:8000/v1', '/v1/files/abc', 'http://host:8000/v1/files/abc'],
      ['http://host:8000/v1', 'v1/models', 'http://host:8000/v1/models'],
      // Only a whole leading `v1` segment is the spec's prefix; `/v10` or `/v1beta` are paths of their own.
      ['http://host:8000/v1', '/v1beta/models', 'http://host:8000/v1/v1beta/models'],
      ['http://host:8000/v1', '/health', 'http://host:8000/v1/health'],
      ['http://host:8000/v1', '/v1', 'http://host:8000/v1'],
    ];
    for (const [base, path, url] of cases)
      expect(resolveUrl(base, path).toString(), `${base} + ${path}`).toBe(url);
    expect(resolveUrl(context.baseUrl, 'http://other.test/x').toString()).toBe('http://other.test/x');
  });

  it('drops only the leading version segment of a spec path', () => {
    expect(pathRelativeToBase('/v1/chat/completions')).toBe('chat/completions');
    expect(pathRelativeToBase('/v1?x=1')).toBe('?x=1');
    expect(pathRelativeToBase('/v10/models')).toBe('v10/models');
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
