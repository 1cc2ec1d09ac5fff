import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../spec/target.ts';
import { createProvider } from './create-provider.ts';
import {
  OPENAI_SDK_UNKNOWN_MODEL,
  type OpenAiSdkOutcome,
  type OpenAiSdkScenario,
  openAiSdkBaseUrl,
  redactSecrets,
  runOpenAiSdkScenario,
} from './openai-sdk-driver.ts';

const KEY = 'sk-test-Qw7Zr2Lp9Xv4Nc6Bm1Tj';
type Dialect = 'openai' | 'mistral';

/** OpenAI puts every error under `error`; Mistral answers `{detail}` or an `{object:"error", message}` envelope. */
function errorBody(dialect: Dialect, status: number, message: string, param: string | null = null): unknown {
  if (dialect === 'openai') return { error: { message, type: 'invalid_request_error', param, code: null } };
  if (status === 401 || status === 404) return { detail: status === 401 ? 'Unauthorized' : 'Not Found' };
  return { object: 'error', message, type: 'invalid_request_error', param: null, code: null };
}

function completion(message: Record<string, unknown>, finishReason: string) {
  return {
    id: 'cmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  };
}

const TOOL_CALL = { id: 'call1234a', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } };

/** OpenAI streams a tool call as deltas with `type`; Mistral sends it whole in one chunk without `type`. */
function toolCallChunks(dialect: Dialect): unknown[] {
  const chunk = (delta: unknown, finish: string | null = null) => ({
    id: 'cmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  if (dialect === 'mistral')
    return [
      chunk({ role: 'assistant', content: '' }),
      chunk({ tool_calls: [{ ...TOOL_CALL, index: 0 }] }, 'tool_calls'),
    ];
  return [
    chunk({ role: 'assistant', content: null }),
    chunk({
      tool_calls: [
        { index: 0, id: TOOL_CALL.id, type: 'function', function: { name: 'get_weather', arguments: '' } },
      ],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: TOOL_CALL.function.arguments } }] }),
    chunk({}, 'tool_calls'),
  ];
}

function textChunks(): unknown[] {
  return ['Hel', 'lo.'].map((content, index) => ({
    id: 'cmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [
      {
        index: 0,
        delta: index === 0 ? { role: 'assistant', content } : { content },
        finish_reason: index === 1 ? 'stop' : null,
      },
    ],
  }));
}

interface ChatBody {
  stream?: boolean;
  temperature?: number;
  tools?: unknown[];
  messages: Array<{ role: string }>;
  response_format?: { type: string };
}

function fakeApi(dialect: Dialect, throttleAfter = 3): Server {
  let modelCalls = 0;
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const json = (status: number, body: unknown) =>
      response
        .writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_abc123' })
        .end(JSON.stringify(body));
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const url = request.url ?? '';
      if (request.headers.authorization !== `Bearer ${KEY}`) {
        // A leaky API: echoes the presented credential back.
        return json(
          401,
          errorBody(dialect, 401, `Incorrect API key provided: ${request.headers.authorization}`),
        );
      }
      if (url === '/v1/models') {
        modelCalls += 1;
        if (modelCalls > throttleAfter) return json(429, errorBody(dialect, 429, 'Rate limit exceeded'));
        return json(200, {
          object: 'list',
          data: [{ id: 'm', object: 'model', created: 1, owned_by: 'me' }],
        });
      }
      if (url.startsWith('/v1/models/'))
        return json(404, errorBody(dialect, 404, `The model does not exist`));
      if (url !== '/v1/chat/completions') return json(404, errorBody(dialect, 404, 'Unknown path'));
      const chat = JSON.parse(text) as ChatBody;
      if ((chat.temperature ?? 0) > 2)
        return json(
          dialect === 'openai' ? 400 : 422,
          errorBody(dialect, 400, 'temperature: Input should be less than or equal to 2', 'temperature'),
        );
      if (chat.stream) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        const chunks = chat.tools ? toolCallChunks(dialect) : textChunks();
        for (const chunk of chunks) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
        return response.end('data: [DONE]\n\n');
      }
      if (chat.tools && chat.messages.at(-1)?.role !== 'tool') {
        return json(
          200,
          completion({ content: '', tool_calls: [{ ...TOOL_CALL, type: 'function' }] }, 'tool_calls'),
        );
      }
      const content = chat.response_format
        ? '{"name": "Paris", "country": "France"}'
        : 'It is 18 °C in Paris.';
      json(200, completion({ content }, 'stop'));
    });
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function scenarioRunner(baseUrl: string) {
  const target: Target = { name: 't', provider: 'openai-compatible', baseUrl, model: 'm', apiKeyEnv: 'K' };
  const provider = createProvider(target, KEY);
  const sent: string[] = [];
  const run = (scenario: OpenAiSdkScenario, settings = {}): Promise<OpenAiSdkOutcome> =>
    runOpenAiSdkScenario(
      scenario,
      {
        baseUrl,
        model: 'm',
        timeoutMs: 5_000,
        send: (request) => {
          sent.push(request.path);
          return provider.send(request);
        },
        containsSecret: (text) => text.includes(KEY) || text.includes(KEY.slice(4, 16)),
      },
      settings,
    );
  return { run, sent, close: () => provider.close() };
}

describe.each(['openai', 'mistral'] as const)('openai SDK driver against %s-shaped answers', (dialect) => {
  let server: Server;
  let api: ReturnType<typeof scenarioRunner>;
  beforeAll(async () => {
    server = fakeApi(dialect);
    api = scenarioRunner(await listen(server));
  });
  afterAll(async () => {
    await api.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs the agent steps through the run-provided send, the key put in by the provider', async () => {
    const chat = await api.run('chat');
    expect(chat).toMatchObject({
      ok: true,
      answer: { content: 'It is 18 °C in Paris.', requestId: 'req_abc123' },
    });
    expect(chat.exchanges).toHaveLength(1);
    expect(api.sent.at(-1)).toMatch(/\/v1\/chat\/completions$/);
    const streamed = await api.run('stream-text');
    expect(streamed, JSON.stringify(streamed)).toMatchObject({ ok: true, answer: { content: 'Hello.' } });
    const roundTrip = await api.run('tool-round-trip');
    expect(roundTrip).toMatchObject({ ok: true, answer: { toolCalls: [{ name: 'get_weather' }] } });
    expect(roundTrip.exchanges).toHaveLength(2);
    expect(await api.run('json-object')).toMatchObject({ ok: true });
    expect(await api.run('json-schema')).toMatchObject({
      ok: true,
      answer: { parsed: { name: 'Paris', country: 'France' } },
    });
  });

  it('streams a tool call through the stream helper only when it carries `type`', async () => {
    const outcome = await api.run('stream-tool-call');
    if (dialect === 'openai') {
      expect(outcome).toMatchObject({ ok: true, answer: { toolCalls: [{ name: 'get_weather' }] } });
    } else {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.errorClass).toBe('OpenAIError');
        expect(outcome.error.message).toMatch(/missing choices\[0\]\.tool_calls\[0\]\.type/);
      }
    }
  });

  it('maps each error status to its SDK class, keeping status, headers and request id', async () => {
    const expected: Array<[OpenAiSdkScenario, string, number]> = [
      ['error-auth', 'AuthenticationError', 401],
      ['error-not-found', 'NotFoundError', 404],
      [
        'error-bad-request',
        dialect === 'openai' ? 'BadRequestError' : 'UnprocessableEntityError',
        dialect === 'openai' ? 400 : 422,
      ],
    ];
    for (const [scenario, errorClass, status] of expected) {
      const outcome = await api.run(scenario);
      expect(outcome.ok, scenario).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toMatchObject({ errorClass, status, requestId: 'req_abc123' });
      expect(outcome.error.headers['content-type']).toBe('application/json');
      // OpenAI's envelope reaches e.error; Mistral's has no `error` key, so the SDK keeps nothing.
      if (dialect === 'openai') expect(outcome.error.sdkErrorBody).not.toBeNull();
      else expect(outcome.error.message).toBe(`${status} status code (no body)`);
    }
    const badRequest = await api.run('error-bad-request');
    if (!badRequest.ok && dialect === 'openai') expect(badRequest.error.message).toContain('temperature');
    if (!badRequest.ok) expect(badRequest.error.responseBody).toContain('temperature');
    expect(api.sent.some((path) => path.endsWith(`/models/${OPENAI_SDK_UNKNOWN_MODEL}`))).toBe(true);
  });

  it('never returns the key, even when the API echoes a credential', async () => {
    const outcome = await api.run('error-auth');
    expect(JSON.stringify({ ...outcome, exchanges: [] })).not.toContain(KEY.slice(4, 16));
    // The wrong key is the provider's random one; the SDK placeholder never reaches the wire.
    expect(outcome.exchanges[0]?.request.headers.authorization).not.toContain('agentscore');
  });

  it('provokes a RateLimitError with a bounded burst, and says how many requests went without one', async () => {
    const throttled = await api.run('error-rate-limit', { maxRequests: 20, concurrency: 2 });
    expect(throttled).toMatchObject({ ok: false, error: { errorClass: 'RateLimitError', status: 429 } });
    expect(throttled.exchanges.length).toBeLessThan(20);
  });
});

describe('openai SDK driver at the transport edge', () => {
  it('reports a refused connection as transport data, not a throw', async () => {
    const server = createServer();
    const baseUrl = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const api = scenarioRunner(baseUrl);
    const outcome = await api.run('chat');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.errorClass).toBe('APIConnectionError');
      expect(outcome.error.transport?.reason).toBe('connection-refused');
    }
    await api.close();
  });

  it('a stream cut mid-way reaches the SDK as a broken body, and the outcome names the transport failure', async () => {
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(textChunks()[0])}\n\n`, () => response.destroy());
    });
    const api = scenarioRunner(await listen(server));
    const outcome = await api.run('stream-text');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.status).toBeNull();
      expect(outcome.error.transport?.reason).toMatch(/connection-reset|truncated-body/);
    }
    await api.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a burst that never meets a 429 ends ok with the count sent', async () => {
    const server = fakeApi('openai', 1_000);
    const api = scenarioRunner(await listen(server));
    const outcome = await api.run('error-rate-limit', { maxRequests: 6, concurrency: 3 });
    expect(outcome).toMatchObject({ ok: true, answer: { requestsSent: 6 } });
    await api.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('openAiSdkBaseUrl and redactSecrets', () => {
  it('adds /v1 to a host-only base URL and keeps any other path', () => {
    expect(openAiSdkBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/v1');
    expect(openAiSdkBaseUrl('http://127.0.0.1:8080/v1/')).toBe('http://127.0.0.1:8080/v1');
    expect(openAiSdkBaseUrl('https://openrouter.ai/api/v1')).toBe('https://openrouter.ai/api/v1');
  });

  it('replaces only the tokens that hold the key', () => {
    const contains = (text: string) => text.includes('SECRETKEY1');
    expect(redactSecrets('wrong key "Bearer SECRETKEY1xyz" given', contains)).toBe(
      'wrong key "Bearer [REDACTED]" given',
    );
    expect(redactSecrets('nothing here', contains)).toBe('nothing here');
  });
});
