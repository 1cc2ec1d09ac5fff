/** @module A loopback server for the provider contract tests: Mistral framing plus planted network faults. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CONTRACT_KEY = 'Ck7Wq2Lp9Xv4Tn8Rb3Md6Yh1Fs5Ja0Ue';
export const FIRST_CONTENT_DELAY_MS = 100;
export const HUGE_BODY_BYTES = 8 * 1024 * 1024;

export interface ContractServer {
  baseUrl: string;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CREATED = 1759185828;

function chunk(delta: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const payload = {
    id: 'a1b2c3',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: 'mistral-small-latest',
    choices: [{ index: 0, delta, finish_reason: extra.finish_reason ?? null }],
    ...(extra.usage ? { usage: extra.usage } : {}),
  };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export function chatCompletion(content: string): Record<string, unknown> {
  return {
    id: 'cmpl-1',
    object: 'chat.completion',
    created: CREATED,
    model: 'mistral-small-latest',
    choices: [{ index: 0, message: { role: 'assistant', content, tool_calls: null }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
  };
}

const MODEL_LIST = {
  object: 'list',
  data: [
    {
      id: 'mistral-small-latest',
      object: 'model',
      created: CREATED,
      owned_by: 'mistralai',
      capabilities: { completion_chat: true, function_calling: true, vision: false },
      max_context_length: 32768,
      type: 'base',
    },
  ],
};

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

async function streamChat(response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.write(chunk({ role: 'assistant', content: '' }));
  await sleep(FIRST_CONTENT_DELAY_MS);
  for (const word of ['Hello', ' from', ' the', ' sandbox']) {
    response.write(chunk({ content: word }));
    await sleep(15);
  }
  response.write(
    chunk(
      { content: '' },
      { finish_reason: 'stop', usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } },
    ),
  );
  response.end('data: [DONE]\n\n');
}

/** Model names steer the chat route's behaviour, so the SDK (fixed paths) can reach every fault. */
async function chat(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.headers.authorization !== `Bearer ${CONTRACT_KEY}`) {
    json(response, 401, { detail: 'Unauthorized' });
    return;
  }
  const body = JSON.parse((await readBody(request)) || '{}') as { model?: string; stream?: boolean };
  switch (body.model) {
    case 'status-422':
      json(response, 422, {
        detail: [{ loc: ['body', 'messages'], msg: 'Field required', type: 'missing' }],
      });
      return;
    case 'status-429':
      response.setHeader('retry-after', '1');
      json(response, 429, { message: 'Requests rate limit exceeded' });
      return;
    case 'status-500':
      json(response, 500, { object: 'error', message: 'Internal server error', type: 'internal_error' });
      return;
    case 'missing-created':
      json(response, 200, { ...chatCompletion('no created'), created: undefined });
      return;
    case 'hang':
      return;
  }
  if (body.stream) await streamChat(response);
  else json(response, 200, chatCompletion('Hello'));
}

type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** Writes a raw HTTP response straight to the socket, for responses node:http refuses to produce. */
function raw(request: IncomingMessage, head: string, body: string, then: 'end' | 'destroy' | 'reset'): void {
  const socket = request.socket;
  socket.write(`HTTP/1.1 200 OK\r\n${head}\r\n\r\n${body}`);
  setTimeout(() => {
    if (then === 'end') socket.end();
    else if (then === 'destroy') socket.destroy();
    else socket.resetAndDestroy();
  }, 30);
}

export const SPLIT_STREAM =
  'data: {"n":1,"t":"caf\u00e9 \u{1f60a}"}\r\n\r\nevent: x\ndata: {"n":2}\n\ndata: [DONE]\n\n';

const routes: Record<string, Route> = {
  '/v1/chat/completions': chat,
  '/v1/models': (request, response) =>
    request.headers.authorization === `Bearer ${CONTRACT_KEY}`
      ? json(response, 200, MODEL_LIST)
      : json(response, 401, { detail: 'Unauthorized' }),
  '/echo': async (request, response) => {
    const body = await readBody(request);
    json(response, 200, { method: request.method, url: request.url, headers: request.headers, body });
  },
  '/multi-header': (_request, response) => {
    response.setHeader('set-cookie', ['a=1', 'b=2']);
    response.setHeader('X-Multi', ['one', 'two']);
    json(response, 200, { ok: true });
  },
  '/sse-split': async (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // Cuts fall inside `data:`, inside the JSON, between the bytes of é and of the emoji, and between CR and LF.
    const bytes = Buffer.from(SPLIT_STREAM);
    let offset = 0;
    for (const cut of [3, 14, 22, 26, 31, 33, 47, 60, bytes.length]) {
      response.write(bytes.subarray(offset, cut));
      offset = cut;
      await sleep(10);
    }
    response.end();
  },
  '/sse-no-done': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(chunk({ content: 'x' }));
  },
  '/sse-cut': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(`${chunk({ content: 'x' })}data: {"id":"a1b2c3","choi`);
  },
  '/hang': () => {},
  '/hang-body': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"partial":');
  },
  '/destroy-mid-body': (request) =>
    raw(
      request,
      'content-type: application/json\r\ntransfer-encoding: chunked',
      'b\r\n{"partial":\r\n',
      'destroy',
    ),
  '/reset-mid-body': (request) =>
    raw(
      request,
      'content-type: application/json\r\ntransfer-encoding: chunked',
      'b\r\n{"partial":\r\n',
      'reset',
    ),
  '/lying-length': (request) =>
    raw(request, 'content-type: application/json\r\ncontent-length: 1000', `{"a":"${'x'.repeat(90)}`, 'end'),
  '/huge': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': HUGE_BODY_BYTES });
    response.end(Buffer.alloc(HUGE_BODY_BYTES, 'a'));
  },
  '/invalid-utf8': (_request, response) => {
    const body = Buffer.concat([Buffer.from('{"text":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  },
  '/invalid-json': (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end('{"a": nope}');
  },
};

export async function startContractServer(): Promise<ContractServer> {
  const server: Server = createServer((request, response) => {
    response.on('error', () => {});
    // The API sits under /v1 (the base URL the harness is given); test-only routes answer there too.
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    const route = routes[pathname] ?? routes[pathname.replace(/^\/v1(?=\/)/, '')];
    if (!route) return json(response, 404, { detail: 'Not Found' });
    Promise.resolve(route(request, response)).catch(() => response.destroy());
  });
  // Clients cut connections on purpose (body limits, timeouts); that is not a server error.
  server.on('connection', (socket) => socket.on('error', () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback base URL (`/v1` form) where nothing listens. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}
