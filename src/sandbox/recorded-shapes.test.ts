/** @module sandbox/recorded-shapes.test — the faithful profile answers in the shapes recorded from the real API. */
// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk untyped JSON bodies received over HTTP.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUTH,
  chat,
  JSON_HEADERS,
  readSse,
  recordedChunks,
  sortedKeys,
  TEST_KEY,
  withSandbox,
} from './sandbox-test-client.ts';

interface RecordedItem {
  key: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: unknown;
}

function recorded(file: string, key: string): RecordedItem {
  const items = JSON.parse(
    readFileSync(new URL(`../../fixtures/recorded/${file}`, import.meta.url), 'utf8'),
  ) as RecordedItem[];
  const item = items.find((candidate) => candidate.key === key);
  if (item === undefined) throw new Error(`fixture ${key} missing from ${file}`);
  return item;
}
const recordedError = (key: string): RecordedItem => recorded('mistral-errors.json', key);
const recordedStream = (key: string): RecordedItem => recorded('mistral-streams.json', key);

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Get the current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const SEARCH_TOOL = {
  type: 'function',
  function: {
    name: 'search',
    description: 'Search the web for game times',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
};
const DETROIT = 'What time is the Detroit Tigers game today, and what is the weather in Detroit?';

describe('faithful profile: success shapes', () => {
  it('answers a non-streaming text completion with the recorded key sets', async () => {
    const reference = recordedError('200-chat-completion-text').body as Record<string, any>;
    await withSandbox('faithful', async (sandbox) => {
      const response = await chat(sandbox, { messages: [{ role: 'user', content: 'Hello!' }] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = (await response.json()) as Record<string, any>;
      expect(sortedKeys(body)).toEqual(sortedKeys(reference));
      expect(sortedKeys(body.choices[0])).toEqual(sortedKeys(reference.choices[0]));
      expect(sortedKeys(body.choices[0].message)).toEqual(sortedKeys(reference.choices[0].message));
      expect(sortedKeys(body.usage)).toEqual(sortedKeys(reference.usage));
      for (const key of Object.keys(reference)) expect(typeof body[key]).toBe(typeof reference[key]);
      expect(body.id).toMatch(/^[0-9a-f]{32}$/);
      expect(body.choices[0].message.tool_calls).toBeNull();
      expect(body.choices[0].message.content).toContain('agentscore sandbox');
      expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    });
  });

  it('answers non-streaming tool calls like the recorded parallel call (content "", type function, 9-char ids)', async () => {
    const reference = recordedStream('completion-tool-calls').body as Record<string, any>;
    await withSandbox('faithful', async (sandbox) => {
      const response = await chat(sandbox, {
        messages: [{ role: 'user', content: DETROIT }],
        tools: [SEARCH_TOOL, WEATHER_TOOL],
      });
      const body = (await response.json()) as Record<string, any>;
      const choice = body.choices[0];
      expect(sortedKeys(choice)).toEqual(sortedKeys(reference.choices[0]));
      expect(choice.finish_reason).toBe('tool_calls');
      expect(choice.message.content).toBe('');
      expect(choice.message.tool_calls).toHaveLength(2);
      for (const call of choice.message.tool_calls) {
        expect(sortedKeys(call)).toEqual(sortedKeys(reference.choices[0].message.tool_calls[0]));
        expect(sortedKeys(call.function)).toEqual(['arguments', 'name']);
        expect(call.id).toMatch(/^[a-zA-Z0-9]{9}$/);
        expect(call.type).toBe('function');
      }
      const weather = choice.message.tool_calls.find((call: any) => call.function.name === 'weather');
      expect(JSON.parse(weather.function.arguments)).toEqual({ city: 'Detroit' });
    });
  });

  it('streams text with the recorded framing: role-only first chunk, one token per chunk, usage on the last, [DONE]', async () => {
    const reference = recordedChunks(recordedStream('stream-text').body as string);
    await withSandbox('faithful', async (sandbox) => {
      const sentAt = performance.now();
      const response = await chat(sandbox, {
        stream: true,
        messages: [{ role: 'user', content: 'Who are you?' }],
      });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const { events, raw } = await readSse(response, sentAt);
      expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
      expect(events.at(-1)?.data).toBe('[DONE]');
      const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as Record<string, any>);
      const [first, ...rest] = chunks;
      const last = rest.at(-1) as Record<string, any>;
      const contentChunks = rest.slice(0, -1);
      expect(sortedKeys(first)).toEqual(sortedKeys(reference[0]));
      expect(first?.choices).toEqual(reference[0]?.choices);
      for (const chunk of contentChunks) {
        expect(sortedKeys(chunk)).toEqual(sortedKeys(reference[1]));
        expect(sortedKeys(chunk.choices[0])).toEqual(sortedKeys((reference[1] as any).choices[0]));
        expect(chunk.choices[0].finish_reason).toBeNull();
        expect(chunk.object).toBe('chat.completion.chunk');
        expect(chunk.id).toBe(first?.id);
      }
      expect(sortedKeys(last)).toEqual(sortedKeys(reference.at(-1)));
      expect(last.choices[0]).toEqual({ index: 0, delta: { content: '' }, finish_reason: 'stop' });
      expect(last.usage.completion_tokens).toBe(contentChunks.length);
      expect(contentChunks.map((chunk) => chunk.choices[0].delta.content).join('')).toContain(
        'You said: Who are you?',
      );
    });
  });

  it('streams tool calls whole in one chunk with finish_reason and usage, then [DONE]', async () => {
    const reference = recordedChunks(recordedStream('stream-tool-calls').body as string);
    const referenceCall = (reference[1] as any).choices[0].delta.tool_calls[0];
    await withSandbox('faithful', async (sandbox) => {
      const response = await chat(sandbox, {
        stream: true,
        messages: [{ role: 'user', content: DETROIT }],
        tools: [SEARCH_TOOL, WEATHER_TOOL],
      });
      const { events } = await readSse(response, performance.now());
      expect(events.map((event) => (event.data.startsWith('{') ? 'chunk' : event.data))).toEqual([
        'chunk',
        'chunk',
        '[DONE]',
      ]);
      const toolChunk = JSON.parse(events[1]?.data ?? '{}') as Record<string, any>;
      expect(sortedKeys(toolChunk)).toEqual(sortedKeys(reference[1]));
      expect(toolChunk.choices[0].finish_reason).toBe('tool_calls');
      expect(toolChunk.usage.completion_tokens).toBeGreaterThan(0);
      for (const call of toolChunk.choices[0].delta.tool_calls) {
        expect(sortedKeys(call)).toEqual(sortedKeys(referenceCall));
        expect(call.id).toMatch(/^[a-zA-Z0-9]{9}$/);
        expect(() => JSON.parse(call.function.arguments)).not.toThrow();
      }
    });
  });

  it('sends request ids, CORS without credentials, no cookies, and the 2026 rate-limit headers', async () => {
    const recordedHeaders = Object.keys(recordedError('200-rate-limit-headers').headers ?? {});
    await withSandbox('faithful', async (sandbox) => {
      const response = await fetch(`${sandbox.url}/v1/models`, { headers: AUTH });
      expect(response.headers.get('mistral-correlation-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(response.headers.get('x-kong-request-id')).toBe(response.headers.get('mistral-correlation-id'));
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
      for (const name of recordedHeaders) expect(response.headers.get(name), name).toMatch(/^\d+$/);
    });
  });

  it('lists models in the BaseModelCard shape', async () => {
    await withSandbox('faithful', async (sandbox) => {
      const body = (await (await fetch(`${sandbox.url}/v1/models`, { headers: AUTH })).json()) as Record<
        string,
        any
      >;
      expect(body.object).toBe('list');
      const ids = body.data.map((card: any) => card.id);
      expect(ids).toEqual(
        expect.arrayContaining(['mistral-small-latest', 'mistral-large-latest', 'sandbox-echo-1']),
      );
      for (const card of body.data) {
        expect(card).toMatchObject({ object: 'model', owned_by: 'mistralai', type: 'base' });
        expect(typeof card.capabilities.completion_chat).toBe('boolean');
        expect(typeof card.capabilities.function_calling).toBe('boolean');
        expect(card.deprecation === null || !Number.isNaN(Date.parse(card.deprecation))).toBe(true);
      }
      const one = await fetch(`${sandbox.url}/v1/models/mistral-large-latest`, { headers: AUTH });
      expect(((await one.json()) as { id: string }).id).toBe('mistral-large-latest');
      const missing = await fetch(`${sandbox.url}/v1/models/nope`, { headers: AUTH });
      expect(missing.status).toBe(404);
    });
  });
});

describe('faithful profile: error families with the recorded bodies', () => {
  const cases: Array<{ key: string; status: number; body: Record<string, unknown> }> = [
    {
      key: '422-extra-forbidden-stream-options',
      status: 422,
      body: { messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } },
    },
    {
      key: '422-extra-forbidden-max-completion-tokens',
      status: 422,
      body: { messages: [{ role: 'user', content: 'hi' }], max_completion_tokens: 32000 },
    },
    {
      key: '400-invalid-model',
      status: 400,
      body: { model: '', messages: [{ role: 'user', content: 'hi' }] },
    },
    {
      key: '400-message-order-tool-after-user',
      status: 400,
      body: {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'tool', content: '42', tool_call_id: 'abcdefghi' },
        ],
      },
    },
    {
      key: '400-message-order-user-after-tool',
      status: 400,
      body: {
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ id: 'abcdefghi', function: { name: 'f', arguments: '{}' } }],
          },
          { role: 'tool', content: '42', tool_call_id: 'abcdefghi' },
          { role: 'user', content: 'and?' },
        ],
      },
    },
    {
      key: '400-tool-call-id',
      status: 400,
      body: {
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ id: 'abc123', function: { name: 'f', arguments: '{}' } }],
          },
          { role: 'tool', content: '42', tool_call_id: 'abc123' },
        ],
      },
    },
    {
      key: '400-assistant-content-and-tool-calls',
      status: 400,
      body: {
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: 'calling',
            tool_calls: [{ id: 'abcdefghi', function: { name: 'f', arguments: '{}' } }],
          },
          { role: 'tool', content: '42', tool_call_id: 'abcdefghi' },
        ],
      },
    },
    {
      key: '400-last-role-assistant',
      status: 400,
      body: {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ],
      },
    },
  ];
  for (const { key, status, body } of cases) {
    it(`${key}: status ${status} and the recorded body`, async () => {
      await withSandbox('faithful', async (sandbox) => {
        const response = await chat(sandbox, body);
        expect(response.status).toBe(status);
        expect(await response.json()).toEqual(recordedError(key).body);
      });
    });
  }

  it('401: missing, wrong, Basic, x-api-key and ?api_key= all get the recorded FastAPI body; lowercase bearer works', async () => {
    await withSandbox('faithful', async (sandbox) => {
      const attempts: Array<[string, Record<string, string>]> = [
        ['/v1/models', {}],
        ['/v1/models', { authorization: 'Bearer wrong-key' }],
        ['/v1/models', { authorization: `Basic ${Buffer.from(`user:${TEST_KEY}`).toString('base64')}` }],
        ['/v1/models', { authorization: TEST_KEY }],
        ['/v1/models', { 'x-api-key': TEST_KEY }],
        [`/v1/models?api_key=${TEST_KEY}`, {}],
      ];
      for (const [path, headers] of attempts) {
        const response = await fetch(`${sandbox.url}${path}`, { headers });
        expect(response.status, JSON.stringify(headers)).toBe(401);
        expect(await response.json()).toEqual(recordedError('401-detail').body);
        expect(response.headers.get('x-ratelimit-limit-req-minute')).toBeNull();
      }
      const lower = await fetch(`${sandbox.url}/v1/models`, {
        headers: { authorization: `bearer ${TEST_KEY}` },
      });
      expect(lower.status).toBe(200);
    });
  });

  it('401 in the gateway shape when the profile asks for it', async () => {
    const reference = recordedError('401-gateway');
    await withSandbox({ extends: 'faithful', auth: { unauthorizedBody: 'gateway' } }, async (sandbox) => {
      const response = await fetch(`${sandbox.url}/v1/models`);
      expect(response.headers.get('content-type')).toBe(reference.headers?.['content-type']);
      const body = (await response.json()) as Record<string, string>;
      expect(sortedKeys(body)).toEqual(sortedKeys(reference.body));
      expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  it('429 with the recorded body, Retry-After and remaining 0 once the bucket is empty', async () => {
    await withSandbox(
      { extends: 'faithful', rateLimit: { burst: 2, requestsPerMinute: 6 } },
      async (sandbox) => {
        const statuses: number[] = [];
        let limited: Response | undefined;
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const response = await fetch(`${sandbox.url}/v1/models`, { headers: AUTH });
          statuses.push(response.status);
          if (response.status === 429) limited = response;
          else await response.arrayBuffer();
        }
        expect(statuses).toEqual([200, 200, 429]);
        expect(await limited?.json()).toEqual(recordedError('429-rate-limited').body);
        expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(Number(limited?.headers.get('retry-after')))).toBe(true);
        expect(limited?.headers.get('x-ratelimit-remaining-req-minute')).toBe('0');
      },
    );
  });

  it('lets a normal run through but throttles a burst of 300 quick requests', async () => {
    await withSandbox('faithful', async (sandbox) => {
      const statuses = await Promise.all(
        Array.from({ length: 300 }, async () => {
          const response = await fetch(`${sandbox.url}/v1/models`, { headers: AUTH });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(200);
      expect(statuses).toContain(429);
    });
  });

  it('404 {"detail":"Not Found"} for unknown paths, 405 for wrong methods, 422 json_invalid for broken JSON', async () => {
    await withSandbox('faithful', async (sandbox) => {
      const unknown = await fetch(`${sandbox.url}/v1/chat/completions/chat/completions`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: '{}',
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual(recordedError('404-not-found').body);
      const wrongMethod = await fetch(`${sandbox.url}/v1/chat/completions`, { headers: AUTH });
      expect(wrongMethod.status).toBe(405);
      const broken = await fetch(`${sandbox.url}/v1/chat/completions`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: '{"model": "x",',
      });
      expect(broken.status).toBe(422);
      const body = (await broken.json()) as any;
      expect(body.message.detail[0]).toMatchObject({
        type: 'json_invalid',
        loc: ['body', expect.any(Number)],
      });
    });
  });
});
