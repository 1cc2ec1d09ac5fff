import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../spec/target.ts';
import { createHttpProvider } from './http-provider.ts';
import type { ProviderRequest } from './provider.ts';

interface Seen {
  path: string;
  streamOptions: unknown;
}

// Three behaviours from the field: OpenAI (usage only when asked), Mistral (422 extra_forbidden),
// older Azure api-versions (400 "Unrecognized request argument supplied: stream_options").
let server: Server;
let root = '';
const seen: Seen[] = [];

function chunk(body: Record<string, unknown>): string {
  return `data: ${JSON.stringify(body)}\n\n`;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let text = '';
    for await (const part of request) text += String(part);
    const body = JSON.parse(text) as { stream_options?: unknown };
    const flavour = (request.url ?? '').split('/')[1];
    seen.push({ path: request.url ?? '', streamOptions: body.stream_options });
    if (body.stream_options !== undefined && flavour === 'mistral') {
      response.writeHead(422, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          object: 'error',
          message: {
            detail: [
              {
                type: 'extra_forbidden',
                loc: ['body', 'stream_options'],
                msg: 'Extra inputs are not permitted',
              },
            ],
          },
          type: 'invalid_request_error',
        }),
      );
      return;
    }
    if (body.stream_options !== undefined && flavour === 'azure') {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { message: 'Unrecognized request argument supplied: stream_options' } }),
      );
      return;
    }
    // Give concurrent requests time to overlap.
    await new Promise((resolve) => setTimeout(resolve, 20));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(chunk({ choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] }));
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };
    if (flavour === 'mistral') {
      response.write(
        chunk({ choices: [{ index: 0, delta: { content: '!' }, finish_reason: 'stop' }], usage }),
      );
    } else {
      response.write(chunk({ choices: [{ index: 0, delta: { content: '!' }, finish_reason: 'stop' }] }));
      if (body.stream_options !== undefined) response.write(chunk({ choices: [], usage }));
    }
    response.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function provider(flavour: string, kind: 'openai-compatible' | 'mistral' = 'openai-compatible') {
  const target: Target = {
    name: flavour,
    provider: kind,
    baseUrl: `${root}/${flavour}/v1`,
    model: 'm',
    apiKeyEnv: 'K',
  };
  return createHttpProvider(target, { apiKey: 'stream-usage-key-123', kind });
}

const STREAM: ProviderRequest = {
  method: 'POST',
  path: '/v1/chat/completions',
  auth: { mode: 'bearer' },
  body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true },
  stream: true,
  timeoutMs: 5000,
};

function hasUsage(data: string[]): boolean {
  return data.some((event) => event.includes('"usage"'));
}

async function fourAtOnce(flavour: string, kind?: 'openai-compatible' | 'mistral') {
  seen.length = 0;
  const http = provider(flavour, kind);
  const exchanges = await Promise.all([1, 2, 3, 4].map(() => http.send(STREAM)));
  await http.close();
  return { exchanges, sent: [...seen] };
}

describe('stream usage for OpenAI-compatible targets', () => {
  it('asks an OpenAI-style server for usage on every stream: tokens can be counted', async () => {
    const { exchanges, sent } = await fourAtOnce('openai');
    expect(exchanges.map((exchange) => exchange.status)).toEqual([200, 200, 200, 200]);
    expect(exchanges.every((exchange) => hasUsage(exchange.sse!.map((event) => event.data)))).toBe(true);
    expect(sent).toHaveLength(4);
    expect(sent.every((request) => JSON.stringify(request.streamOptions) === '{"include_usage":true}')).toBe(
      true,
    );
  });

  it.each(['mistral', 'azure'])(
    'a %s-style refusal costs one request, once: the rest go without the field',
    async (flavour) => {
      const { exchanges, sent } = await fourAtOnce(flavour);
      expect(exchanges.map((exchange) => exchange.status)).toEqual([200, 200, 200, 200]);
      // One refused ask, then four plain requests (the refused one sent again).
      expect(sent.map((request) => request.streamOptions !== undefined)).toEqual([
        true,
        false,
        false,
        false,
        false,
      ]);
    },
  );

  it('the mistral adapter never asks (Mistral sends usage unasked); non-stream and explicit requests are left alone', async () => {
    const mistral = await fourAtOnce('mistral', 'mistral');
    expect(mistral.sent.every((request) => request.streamOptions === undefined)).toBe(true);
    expect(hasUsage(mistral.exchanges[0]!.sse!.map((event) => event.data))).toBe(true);

    seen.length = 0;
    const http = provider('openai');
    const explicit = {
      ...STREAM,
      body: { ...(STREAM.body as object), stream_options: { include_usage: false } },
    };
    await http.send(explicit);
    await http.close();
    expect(seen.map((request) => request.streamOptions)).toEqual([{ include_usage: false }]);
  });
});
