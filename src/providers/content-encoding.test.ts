import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, createGzip, deflateSync, gzipSync, constants as zlib } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../spec/target.ts';
import { createOpenAiCompatibleProvider } from './http-provider.ts';
import type { ProviderRequest } from './provider.ts';

const ANSWER = { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { content: 'hi' } }] };
const EVENTS = ['{"n":1}', '{"n":2}', '[DONE]'];

// A server that compresses although the client never asked (no accept-encoding), as some proxies do.
let server: Server;
let baseUrl = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const json = Buffer.from(JSON.stringify(ANSWER));
    const path = request.url ?? '';
    if (path.endsWith('/gzip')) {
      const body = gzipSync(json);
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      response.end(body);
    } else if (path.endsWith('/deflate')) {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
      response.end(deflateSync(json));
    } else if (path.endsWith('/br')) {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
      response.end(brotliCompressSync(json));
    } else if (path.endsWith('/corrupt')) {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(Buffer.from('this is not gzip at all'));
    } else if (path.endsWith('/cut')) {
      const body = gzipSync(json);
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(body.subarray(0, body.length - 12));
    } else if (path.endsWith('/stream')) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
      const gzip = createGzip({ flush: zlib.Z_SYNC_FLUSH });
      gzip.pipe(response);
      for (const [index, data] of EVENTS.entries()) {
        setTimeout(
          () => {
            gzip.write(`data: ${data}\n\n`);
            if (index === EVENTS.length - 1) gzip.end();
          },
          30 * (index + 1),
        );
      }
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(json);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function provider() {
  const target: Target = { name: 't', provider: 'openai-compatible', baseUrl, model: 'm', apiKeyEnv: 'K' };
  return createOpenAiCompatibleProvider(target, { apiKey: 'content-encoding-key-123' });
}

function request(path: string, stream = false): ProviderRequest {
  return { method: 'GET', path, auth: { mode: 'bearer' }, timeoutMs: 5000, ...(stream ? { stream } : {}) };
}

describe('a compressed answer nobody asked for', () => {
  it.each(['gzip', 'deflate', 'br'])(
    'is decoded from %s and read as the JSON it carries',
    async (encoding) => {
      const http = provider();
      const exchange = await http.send(request(`/${encoding}`));
      await http.close();
      expect(exchange.request.headers['accept-encoding']).toBeUndefined();
      expect(exchange.failure).toBeUndefined();
      expect(exchange.json).toEqual(ANSWER);
      // bodyBytes are the bytes on the wire, fewer than the decoded text here.
      expect(exchange.bodyBytes).toBeGreaterThan(0);
      expect(exchange.bodyBytes).not.toBe(Buffer.byteLength(exchange.bodyText));
    },
  );

  it('a gzip SSE stream yields its events as they arrive and ends at [DONE]', async () => {
    const http = provider();
    const exchange = await http.send(request('/stream', true));
    await http.close();
    expect(exchange.failure).toBeUndefined();
    // [DONE] ends the stream rather than being an event.
    expect(exchange.sse?.map((event) => event.data)).toEqual(EVENTS.slice(0, -1));
    expect(exchange.sseDone).toBe(true);
    // Decoded as they came, 30 ms apart, not all at once at the end.
    const [first, second] = exchange.sse!.map((event) => event.atMs);
    expect(second! - first!).toBeGreaterThan(15);
  });

  it('a corrupt or cut gzip body is a truncated body, not a crash or bad JSON', async () => {
    const http = provider();
    const corrupt = await http.send(request('/corrupt'));
    const cut = await http.send(request('/cut'));
    await http.close();
    expect(corrupt.failure?.reason).toBe('truncated-body');
    expect(corrupt.failure?.message).toMatch(/compressed body could not be decoded/);
    expect(cut.failure?.reason).toBe('truncated-body');
  });

  it('an identity answer is untouched: bodyBytes is its length', async () => {
    const http = provider();
    const exchange = await http.send(request('/plain'));
    await http.close();
    expect(exchange.json).toEqual(ANSWER);
    expect(exchange.bodyBytes).toBe(Buffer.byteLength(JSON.stringify(ANSWER)));
  });
});
