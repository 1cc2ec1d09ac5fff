import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleProvider } from '../providers/http-provider.ts';
import type { Target } from '../spec/target.ts';
import { preflightSentence, runPreflight, validateBaseUrl } from './preflight.ts';

const KEY = 'pf-key-Qm4Zt8Wn2Xr6Lp0Vb3';
const MODELS = ['m-small', 'm-large', 'm-embed', 'm-code', 'm-ocr', 'm-tiny', 'm-huge'];
type Route = (request: IncomingMessage, response: ServerResponse) => void;

const open: Server[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A loopback server answering `routes[METHOD path]`, else 404 HTML; it records every path asked. */
async function serve(routes: Record<string, Route>): Promise<{ root: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = `${request.method} ${request.url}`;
      asked.push(key);
      const route = routes[key];
      if (route) return route(request, response);
      response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><h1>Not Found</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(server);
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

function json(status: number, body: unknown): Route {
  return (_request, response) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const modelList = (ids: string[]) =>
  json(200, { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) });

function preflight(baseUrl: string, model = 'm-small') {
  const target: Target = { name: 't', provider: 'openai-compatible', baseUrl, model, apiKeyEnv: 'PF_KEY' };
  const provider = createOpenAiCompatibleProvider(target, { apiKey: KEY });
  return runPreflight({ provider, target, timeoutMs: 2000 }).finally(() => provider.close());
}

describe('validateBaseUrl', () => {
  it('wants an absolute http(s) URL and shows the form to use', () => {
    expect(validateBaseUrl('https://api.mistral.ai/v1')).toBeNull();
    expect(validateBaseUrl('http://127.0.0.1:8000/v1')).toBeNull();
    for (const bad of ['127.0.0.1:8000', 'localhost:8000/v1', 'api.mistral.ai/v1', 'ftp://host/v1']) {
      expect(validateBaseUrl(bad), bad).toContain('--base-url https://api.mistral.ai/v1');
    }
  });
});

describe('runPreflight', () => {
  it('passes with one request when the models list has the model', async () => {
    const { root, asked } = await serve({ 'GET /v1/models': modelList(MODELS) });
    const record = await preflight(`${root}/v1`);
    expect(record).toMatchObject({
      outcome: 'ok',
      baseUrl: `${root}/v1`,
      fallbackAdopted: false,
      message: null,
    });
    expect(record.requests).toEqual([{ method: 'GET', url: `${root}/v1/models`, status: 200 }]);
    expect(asked).toEqual(['GET /v1/models']);
    expect(preflightSentence(record)).toBeNull();
  });

  it('names the variable, the status and the provider message on a rejected key, never the key', async () => {
    const { root } = await serve({
      'GET /v1/models': json(401, { message: `Invalid key ${KEY}`, type: 'invalid_request_error' }),
    });
    const record = await preflight(`${root}/v1`);
    expect(record.outcome).toBe('key-rejected');
    expect(record.message).toMatch(/^the key in \$PF_KEY was rejected \(401\): Invalid key /);
    expect(JSON.stringify(record)).not.toContain(KEY);
  });

  it('adopts base + /v1 when only that answers, and says so', async () => {
    const { root, asked } = await serve({ 'GET /v1/models': modelList(MODELS) });
    const record = await preflight(root);
    expect(record).toMatchObject({
      outcome: 'ok',
      urlTried: root,
      baseUrl: `${root}/v1`,
      fallbackAdopted: true,
    });
    expect(asked).toEqual(['GET /models', 'GET /v1/models']);
    expect(preflightSentence(record)).toContain(`using that (pass --base-url ${root}/v1`);
  });

  it('stops on a path that answers HTML and suggests the likely base URL', async () => {
    const html: Route = (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome</body></html>');
    const { root } = await serve({ 'GET /models': html, 'GET /v1/models': html });
    const record = await preflight(root);
    expect(record.outcome).toBe('wrong-base-url');
    expect(record.message).toBe(
      `GET ${root}/models answered 200 with an HTML page, not an API: the API is likely at --base-url ${root}/v1`,
    );
    const under = await preflight(`${root}/v1`);
    expect(under.outcome).toBe('wrong-base-url');
    expect(under.message).toContain(`GET ${root}/v1/models answered 200 with an HTML page`);
  });

  it('is unreachable when nothing listens, after one request', async () => {
    const { root } = await serve({});
    open[0]!.closeAllConnections();
    await new Promise((resolve) => open.shift()!.close(resolve));
    const record = await preflight(`${root}/v1`);
    expect(record).toMatchObject({ outcome: 'unreachable' });
    expect(record.requests).toEqual([
      { method: 'GET', url: `${root}/v1/models`, status: null, failure: 'connection-refused' },
    ]);
    expect(record.message).toContain(`nothing answers at ${root}/v1 (connection-refused)`);
  });

  it('lists five models the API offers when the model is unknown (the chat call confirms)', async () => {
    const { root, asked } = await serve({
      'GET /v1/models': modelList(MODELS),
      'POST /v1/chat/completions': json(400, { message: 'Invalid model: nosuch', type: 'invalid_model' }),
    });
    const record = await preflight(`${root}/v1`, 'nosuch');
    expect(record.outcome).toBe('model-unknown');
    expect(record.modelsOffered).toEqual(MODELS.slice(0, 5));
    expect(record.message).toBe(
      `the API at ${root}/v1 does not know the model "nosuch"; it offers m-small, m-large, m-embed, m-code, m-ocr, …`,
    );
    expect(asked).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
  });

  it('accepts a model the list leaves out when the chat call serves it', async () => {
    const { root } = await serve({
      'GET /v1/models': modelList(['other']),
      'POST /v1/chat/completions': json(200, { choices: [] }),
    });
    const record = await preflight(`${root}/v1`);
    expect(record.outcome).toBe('ok');
    expect(preflightSentence(record)).toContain('not in the models list, but a chat call with it succeeded');
  });

  it('makes one minimal chat call when an otherwise JSON API has no models endpoint', async () => {
    let contentType = '';
    const { root, asked } = await serve({
      'GET /v1/models': json(404, { detail: 'Not Found' }),
      'POST /v1/chat/completions': (request, response) => {
        contentType = request.headers['content-type'] ?? '';
        json(200, { choices: [] })(request, response);
      },
    });
    const record = await preflight(`${root}/v1`);
    expect(record.outcome).toBe('ok');
    expect(contentType).toBe('application/json');
    expect(asked).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
  });

  it('never sends more than three requests', async () => {
    const { root, asked } = await serve({
      'GET /models': json(404, { detail: 'Not Found' }),
      'POST /chat/completions': json(404, { detail: 'Not Found' }),
    });
    const record = await preflight(root);
    expect(record.outcome).toBe('wrong-base-url');
    expect(asked).toEqual(['GET /models', 'GET /v1/models', 'POST /chat/completions']);
    expect(record.requests).toHaveLength(3);
  });

  it('lets an API that answers 5xx or 429 through: the probes measure that', async () => {
    const { root } = await serve({ 'GET /v1/models': json(503, { message: 'overloaded' }) });
    expect((await preflight(`${root}/v1`)).outcome).toBe('ok');
  });

  it('lets a run go on when the model is not listed and the confirming chat call gets no answer', async () => {
    const { root } = await serve({
      'GET /v1/models': modelList(['m-large']),
      'POST /v1/chat/completions': () => undefined, // hangs: the preflight's timeout ends it
    });
    const record = await preflight(`${root}/v1`);
    expect(record.outcome).toBe('ok');
    expect(record.message).toMatch(
      /not in the models list and the chat call that would confirm it got timeout/,
    );
  });

  it('asks the chat path when the models path resets the connection', async () => {
    const { root } = await serve({
      'GET /v1/models': (request) => request.socket.destroy(),
      'POST /v1/chat/completions': json(200, { choices: [] }),
    });
    const record = await preflight(`${root}/v1`);
    expect(record.outcome).toBe('ok');
    expect(record.requests.map((request) => request.status)).toEqual([null, 200]);
  });
});
