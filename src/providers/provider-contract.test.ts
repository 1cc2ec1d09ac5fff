import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthMode } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import {
  CONTRACT_KEY,
  type ContractServer,
  FIRST_CONTENT_DELAY_MS,
  HUGE_BODY_BYTES,
  refusedBaseUrl,
  startContractServer,
} from './__fixtures__/contract-server.ts';
import { createProvider } from './create-provider.ts';
import { parseJsonBody } from './http-provider.ts';
import type { Provider, ProviderExchange, ProviderRequest } from './provider.ts';

interface ProviderContractCase {
  name: Target['provider'];
  create: (target: Target, apiKey: string) => Provider;
}

const target = (provider: Target['provider'], baseUrl: string): Target => ({
  name: `contract-${provider}`,
  provider,
  baseUrl,
  model: 'mistral-small-latest',
  apiKeyEnv: 'CONTRACT_KEY',
});

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
}

function echoOf(exchange: ProviderExchange): Echo {
  expect(exchange.failure).toBeUndefined();
  expect(exchange.status).toBe(200);
  return exchange.json as Echo;
}

/** The contract every provider adapter meets (hono-style: one suite, each implementation runs it). */
function runProviderContract({ name, create }: ProviderContractCase): void {
  describe(`provider contract: ${name}`, () => {
    let server: ContractServer;
    let provider: Provider;
    const send = (request: Partial<ProviderRequest> & Pick<ProviderRequest, 'path'>) =>
      provider.send({ method: 'GET', auth: { mode: 'bearer' }, timeoutMs: 5000, ...request });

    beforeAll(async () => {
      server = await startContractServer();
      provider = create(target(name, server.baseUrl), CONTRACT_KEY);
    });
    afterAll(async () => {
      await provider.close();
      await server.close();
    });

    it('names its kind and target, and lists the key among its secrets', () => {
      expect(provider.kind).toBe(name);
      expect(provider.target.baseUrl).toBe(server.baseUrl);
      expect(provider.secrets()).toContain(CONTRACT_KEY);
      expect(provider.secrets()).toContain(Buffer.from(`${CONTRACT_KEY}:`).toString('base64'));
    });

    it('answers JSON with status, lower-cased headers, bytes, parsed body and timings', async () => {
      const exchange = await send({ method: 'POST', path: '/v1/chat/completions', body: { model: 'm' } });
      expect(exchange.failure).toBeUndefined();
      expect(exchange.status).toBe(200);
      expect(exchange.headers['content-type']).toBe('application/json');
      expect(exchange.bodyBytes).toBe(Buffer.byteLength(exchange.bodyText));
      expect(exchange.json).toMatchObject({ object: 'chat.completion', created: 1759185828 });
      expect(exchange.request.url).toBe(`${server.baseUrl}/chat/completions`);
      expect(exchange.request.bodyText).toBe('{"model":"m"}');
      expect(exchange.timings.ttfbMs).toBeGreaterThan(0);
      expect(exchange.timings.e2eMs).toBeGreaterThanOrEqual(exchange.timings.ttfbMs!);
      expect(Date.parse(exchange.timings.startedAt)).toBeLessThanOrEqual(Date.now());
    });

    it('joins repeated response headers with ", "', async () => {
      const exchange = await send({ path: '/multi-header' });
      expect(exchange.headers['set-cookie']).toBe('a=1, b=2');
      expect(exchange.headers['x-multi']).toBe('one, two');
    });

    it('sends each auth mode in its form and records the headers as sent', async () => {
      const forms: Array<[AuthMode, (echo: Echo) => void]> = [
        [{ mode: 'bearer' }, (echo) => expect(echo.headers.authorization).toBe(`Bearer ${CONTRACT_KEY}`)],
        [{ mode: 'none' }, (echo) => expect(echo.headers.authorization).toBeUndefined()],
        [
          { mode: 'header', name: 'X-Api-Key', value: '{{key}}' },
          (echo) => expect(echo.headers['x-api-key']).toBe(CONTRACT_KEY),
        ],
        [
          { mode: 'header', name: 'Authorization', value: 'Basic {{key_base64}}' },
          (echo) =>
            expect(echo.headers.authorization).toBe(
              `Basic ${Buffer.from(`${CONTRACT_KEY}:`).toString('base64')}`,
            ),
        ],
        [
          { mode: 'query', param: 'key' },
          (echo) => {
            expect(new URL(echo.url, 'http://x').searchParams.get('key')).toBe(CONTRACT_KEY);
            expect(echo.headers.authorization).toBeUndefined();
          },
        ],
      ];
      for (const [auth, check] of forms) {
        const exchange = await send({ path: '/echo', auth, query: { a: 'b c' } });
        const echo = echoOf(exchange);
        check(echo);
        expect(new URL(echo.url, 'http://x').searchParams.get('a')).toBe('b c');
        expect(exchange.request.headers.authorization).toBe(echo.headers.authorization);
        // Only the bearer form is the target's own way in; a key elsewhere is a probe expecting rejection.
        expect(exchange.request.sentRealKey === true, auth.mode).toBe(auth.mode === 'bearer');
      }
    });

    it('sends a random wrong key of a typical shape, never derived from the real one', async () => {
      const keys: string[] = [];
      for (let round = 0; round < 2; round++) {
        const echo = echoOf(await send({ path: '/echo', auth: { mode: 'wrong-key' } }));
        const match = /^Bearer ((?:sk-)?[A-Za-z0-9]{32,48})$/.exec(echo.headers.authorization ?? '');
        expect(match).not.toBeNull();
        keys.push(match![1]!);
      }
      expect(keys[0]).not.toBe(keys[1]);
      for (const key of keys) expect(key).not.toContain(CONTRACT_KEY.slice(0, 8));
      const rejected = await send({
        method: 'POST',
        path: '/v1/chat/completions',
        auth: { mode: 'wrong-key' },
        body: {},
      });
      expect(rejected.status).toBe(401);
    });

    it('sends JSON bodies with content-type application/json and raw bodies as given', async () => {
      const jsonEcho = echoOf(await send({ method: 'POST', path: '/echo', body: { café: '😊' } }));
      expect(jsonEcho.headers['content-type']).toBe('application/json');
      expect(JSON.parse(jsonEcho.body)).toEqual({ café: '😊' });
      const rawEcho = echoOf(
        await send({
          method: 'POST',
          path: '/echo',
          rawBody: '{"broken":',
          headers: { 'Content-Type': 'text/plain' },
        }),
      );
      expect(rawEcho.body).toBe('{"broken":');
      expect(rawEcho.headers['content-type']).toBe('text/plain');
    });

    it('reports 401 as an answer, not a failure', async () => {
      const exchange = await send({
        method: 'POST',
        path: '/v1/chat/completions',
        auth: { mode: 'none' },
        body: {},
      });
      expect(exchange.status).toBe(401);
      expect(exchange.failure).toBeUndefined();
      expect(exchange.json).toEqual({ detail: 'Unauthorized' });
    });

    it('reads a Mistral SSE stream with plausible, monotonic event times', async () => {
      const exchange = await send({
        method: 'POST',
        path: '/v1/chat/completions',
        body: { model: 'm', stream: true },
        stream: true,
      });
      expect(exchange.failure).toBeUndefined();
      expect(exchange.sseDone).toBe(true);
      const events = exchange.sse ?? [];
      expect(events).toHaveLength(6);
      const deltas = events.map((event) => JSON.parse(event.data).choices[0].delta);
      expect(deltas[0]).toEqual({ role: 'assistant', content: '' });
      expect(
        deltas
          .slice(1, 5)
          .map((delta) => delta.content)
          .join(''),
      ).toBe('Hello from the sandbox');
      expect(JSON.parse(events[5]!.data).usage.completion_tokens).toBe(4);
      const ttfb = exchange.timings.ttfbMs!;
      expect(events[0]!.atMs).toBeGreaterThanOrEqual(ttfb);
      expect(events[0]!.atMs).toBeLessThan(FIRST_CONTENT_DELAY_MS - 5);
      expect(events[1]!.atMs).toBeGreaterThanOrEqual(FIRST_CONTENT_DELAY_MS - 5);
      for (let index = 1; index < events.length; index++) {
        expect(events[index]!.atMs).toBeGreaterThanOrEqual(events[index - 1]!.atMs);
      }
      expect(exchange.sseDoneAtMs).toBeGreaterThanOrEqual(events[5]!.atMs);
      expect(exchange.timings.e2eMs).toBeGreaterThanOrEqual(exchange.sseDoneAtMs!);
      expect(exchange.timings.e2eMs).toBeLessThan(2000);
    });

    it('reassembles SSE events and UTF-8 characters split across writes', async () => {
      const exchange = await send({ path: '/sse-split', stream: true });
      expect(exchange.failure).toBeUndefined();
      expect(exchange.sse?.map(({ data, event }) => ({ data, event }))).toEqual([
        { data: '{"n":1,"t":"café 😊"}', event: undefined },
        { data: '{"n":2}', event: 'x' },
      ]);
      expect(exchange.sseDone).toBe(true);
    });

    it('marks a stream without [DONE] as not done, and a stream cut mid-event as invalid-sse', async () => {
      const noDone = await send({ path: '/sse-no-done', stream: true });
      expect(noDone.failure).toBeUndefined();
      expect(noDone.sseDone).toBe(false);
      expect(noDone.sse).toHaveLength(1);
      const cut = await send({ path: '/sse-cut', stream: true });
      expect(cut.failure?.reason).toBe('invalid-sse');
      expect(cut.sse).toHaveLength(1);
    });

    it('reads a JSON error answer to a streaming request as JSON', async () => {
      const exchange = await send({
        method: 'POST',
        path: '/v1/chat/completions',
        auth: { mode: 'none' },
        stream: true,
      });
      expect(exchange.status).toBe(401);
      expect(exchange.sse).toBeUndefined();
      expect(exchange.json).toEqual({ detail: 'Unauthorized' });
    });

    it('times out a server that never answers within timeoutMs + 500 ms', async () => {
      const started = performance.now();
      const exchange = await send({ path: '/hang', timeoutMs: 300 });
      expect(performance.now() - started).toBeLessThan(800);
      expect(exchange.failure?.reason).toBe('timeout');
      expect(exchange.status).toBeNull();
      expect(exchange.timings.ttfbMs).toBeNull();
      expect(exchange.timings.e2eMs).toBeGreaterThanOrEqual(295);
    });

    it('keeps what arrived when the body times out', async () => {
      const exchange = await send({ path: '/hang-body', timeoutMs: 300 });
      expect(exchange.failure?.reason).toBe('timeout');
      expect(exchange.status).toBe(200);
      expect(exchange.bodyText).toBe('{"partial":');
      expect(parseJsonBody(exchange)).toMatchObject({ ok: false, reason: 'truncated-body' });
    });

    it('reports a socket destroyed or reset mid-body and a lying content-length', async () => {
      const destroyed = await send({ path: '/destroy-mid-body' });
      expect(['connection-reset', 'truncated-body']).toContain(destroyed.failure?.reason);
      expect(destroyed.status).toBe(200);
      const reset = await send({ path: '/reset-mid-body' });
      expect(reset.failure?.reason).toBe('connection-reset');
      expect(reset.bodyText).toBe('{"partial":');
      const lying = await send({ path: '/lying-length' });
      expect(lying.failure?.reason).toBe('truncated-body');
      expect(lying.bodyBytes).toBeLessThan(1000);
      expect(lying.bodyText.startsWith('{"a":"xxx')).toBe(true);
    });

    it('stops reading a body over maxBodyBytes', async () => {
      const exchange = await send({ path: '/huge' });
      expect(exchange.failure?.reason).toBe('body-too-large');
      expect(exchange.bodyText.length).toBe(4 * 1024 * 1024);
      expect(exchange.bodyBytes).toBeLessThan(HUGE_BODY_BYTES);
      const small = await send({ path: '/huge', maxBodyBytes: 1000 });
      expect(small.bodyText).toHaveLength(1000);
    });

    it('decodes invalid UTF-8 with replacement and flags it', async () => {
      const exchange = await send({ path: '/invalid-utf8' });
      expect(exchange.failure).toBeUndefined();
      expect(exchange.invalidUtf8).toBe(true);
      expect(exchange.bodyText).toContain('\ufffd');
      expect((await send({ path: '/multi-header' })).invalidUtf8).toBeUndefined();
    });

    it('keeps a declared-JSON body that does not parse, without failing', async () => {
      const exchange = await send({ path: '/invalid-json' });
      expect(exchange.failure).toBeUndefined();
      expect(exchange.json).toBeUndefined();
      expect(exchange.bodyText).toBe('{"a": nope}');
      expect(parseJsonBody(exchange)).toMatchObject({ ok: false, reason: 'invalid-json' });
    });

    it('reports a refused connection without throwing', async () => {
      const refused = create(target(name, await refusedBaseUrl()), CONTRACT_KEY);
      const exchange = await refused.send({
        method: 'GET',
        path: '/v1/models',
        auth: { mode: 'bearer' },
        timeoutMs: 2000,
      });
      await refused.close();
      expect(exchange.failure?.reason).toBe('connection-refused');
      expect(exchange.status).toBeNull();
    });
  });
}

runProviderContract({ name: 'openai-compatible', create: (spec, apiKey) => createProvider(spec, apiKey) });
runProviderContract({ name: 'mistral', create: (spec, apiKey) => createProvider(spec, apiKey) });
