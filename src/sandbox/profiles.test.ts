/** @module sandbox/profiles.test — every profile's planted fault is really there, and absent in faithful. */
// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk untyped JSON bodies received over HTTP.
import { describe, expect, it } from 'vitest';
import { AUTH, chat, JSON_HEADERS, postJson, readSse, TEST_KEY, withSandbox } from './sandbox-test-client.ts';
import type { RunningSandbox } from './start-sandbox.ts';

const LOOKUP_TOOL = {
  type: 'function',
  function: {
    name: 'lookup_order',
    description: 'Look up an order status by order number',
    parameters: {
      type: 'object',
      properties: { order_number: { type: 'string' } },
      required: ['order_number'],
    },
  },
};

async function chatJson(sandbox: RunningSandbox, body: Record<string, unknown>): Promise<any> {
  const response = await chat(sandbox, body);
  expect(response.status).toBe(200);
  return response.json();
}

/** user -> assistant tool call -> tool result, the turn an agent loop sends back. */
async function afterToolResult(sandbox: RunningSandbox): Promise<any> {
  const first = await chatJson(sandbox, {
    messages: [{ role: 'user', content: 'Where is my order 1234?' }],
    tools: [LOOKUP_TOOL],
  });
  const call = first.choices[0].message.tool_calls[0];
  return chatJson(sandbox, {
    tools: [LOOKUP_TOOL],
    messages: [
      { role: 'user', content: 'Where is my order 1234?' },
      { role: 'assistant', content: '', tool_calls: [call] },
      { role: 'tool', name: 'lookup_order', content: 'shipped on Monday', tool_call_id: call.id },
    ],
  }).then((second) => ({ first: call, second }));
}

async function uploadAndDelete(
  sandbox: RunningSandbox,
): Promise<{ deleted: any; after: Response; listed: string[]; id: string }> {
  const form = new FormData();
  form.append('purpose', 'fine-tune');
  form.append('file', new Blob(['{"messages": []}\n']), 'personal-data.jsonl');
  const uploaded = (await (
    await fetch(`${sandbox.url}/v1/files`, { method: 'POST', headers: AUTH, body: form })
  ).json()) as any;
  const deleted = await (
    await fetch(`${sandbox.url}/v1/files/${uploaded.id}`, { method: 'DELETE', headers: AUTH })
  ).json();
  const after = await fetch(`${sandbox.url}/v1/files/${uploaded.id}/content`, { headers: AUTH });
  const list = (await (await fetch(`${sandbox.url}/v1/files`, { headers: AUTH })).json()) as any;
  return { deleted, after, listed: list.data.map((file: any) => file.id), id: uploaded.id };
}

const BOOK_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'book',
    strict: true,
    schema: {
      type: 'object',
      properties: { name: { type: 'string' }, authors: { type: 'array', items: { type: 'string' } } },
      required: ['name', 'authors'],
      additionalProperties: false,
    },
  },
};

describe('sandbox profiles plant their faults', () => {
  it('no-auth answers without a key; faithful refuses', async () => {
    await withSandbox('no-auth', async (sandbox) => {
      expect((await fetch(`${sandbox.url}/v1/models`)).status).toBe(200);
      expect(
        (await fetch(`${sandbox.url}/v1/models`, { headers: { authorization: 'Bearer anything' } })).status,
      ).toBe(200);
    });
    await withSandbox('faithful', async (sandbox) => {
      expect((await fetch(`${sandbox.url}/v1/models`)).status).toBe(401);
    });
  });

  it('looping-tools repeats the same call after a tool result; faithful answers with the result', async () => {
    await withSandbox('looping-tools', async (sandbox) => {
      const { first, second } = await afterToolResult(sandbox);
      const repeated = second.choices[0].message.tool_calls[0];
      expect(second.choices[0].finish_reason).toBe('tool_calls');
      expect(repeated.function).toEqual(first.function);
    });
    await withSandbox('faithful', async (sandbox) => {
      const { second } = await afterToolResult(sandbox);
      expect(second.choices[0].finish_reason).toBe('stop');
      expect(second.choices[0].message.tool_calls).toBeNull();
      expect(second.choices[0].message.content).toContain('shipped on Monday');
    });
  });

  it('erasure-ignored still serves a deleted file; faithful erases it', async () => {
    await withSandbox('erasure-ignored', async (sandbox) => {
      const { deleted, after, listed, id } = await uploadAndDelete(sandbox);
      expect(deleted).toEqual({ id, object: 'file', deleted: true });
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('messages');
      expect(listed).toContain(id);
    });
    await withSandbox('faithful', async (sandbox) => {
      const { deleted, after, listed, id } = await uploadAndDelete(sandbox);
      expect(deleted).toEqual({ id, object: 'file', deleted: true });
      expect(after.status).toBe(404);
      expect(listed).not.toContain(id);
    });
  });

  it('leaky-errors echoes the key and input, answers malformed JSON with HTML 500, omits request ids', async () => {
    const badModel = { model: 'no-such-model', messages: [{ role: 'user', content: 'secret prompt 4711' }] };
    await withSandbox('leaky-errors', async (sandbox) => {
      const response = await postJson(sandbox, '/v1/chat/completions', badModel);
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(text).toContain(TEST_KEY);
      expect(text).toContain('secret prompt 4711');
      expect(response.headers.get('mistral-correlation-id')).toBeNull();
      const malformed = await postJson(sandbox, '/v1/chat/completions', '{"model": ');
      expect(malformed.status).toBe(500);
      expect(malformed.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await malformed.text()).toContain('Traceback');
    });
    await withSandbox('faithful', async (sandbox) => {
      const response = await postJson(sandbox, '/v1/chat/completions', badModel);
      const text = await response.text();
      expect(text).not.toContain(TEST_KEY);
      expect(text).not.toContain('secret prompt');
      expect(response.headers.get('mistral-correlation-id')).not.toBeNull();
      expect((await postJson(sandbox, '/v1/chat/completions', '{"model": ')).status).toBe(422);
    });
  });

  it('sloppy-json fences JSON mode output and drops required fields; faithful returns clean JSON', async () => {
    const request = { messages: [{ role: 'user', content: 'Name a book.' }], response_format: BOOK_FORMAT };
    await withSandbox('sloppy-json', async (sandbox) => {
      const content: string = (await chatJson(sandbox, request)).choices[0].message.content;
      expect(content.startsWith('```json\n')).toBe(true);
      expect(() => JSON.parse(content)).toThrow();
      const unfenced = JSON.parse(content.replace(/^```json\n|\n```$/g, ''));
      expect(unfenced.name).toBeUndefined();
      const objectMode = (await chatJson(sandbox, { ...request, response_format: { type: 'json_object' } }))
        .choices[0].message.content;
      expect(objectMode.startsWith('```json')).toBe(true);
    });
    await withSandbox('faithful', async (sandbox) => {
      const content: string = (await chatJson(sandbox, request)).choices[0].message.content;
      expect(Object.keys(JSON.parse(content)).sort()).toEqual(['authors', 'name']);
    });
  });

  it('ignored-tool-choice answers text on tool_choice any; faithful calls a tool', async () => {
    const request = {
      messages: [{ role: 'user', content: 'Tell me a joke.' }],
      tools: [LOOKUP_TOOL],
      tool_choice: 'any',
    };
    await withSandbox('ignored-tool-choice', async (sandbox) => {
      const body = await chatJson(sandbox, request);
      expect(body.choices[0].finish_reason).toBe('stop');
      expect(body.choices[0].message.tool_calls).toBeNull();
    });
    await withSandbox('faithful', async (sandbox) => {
      const body = await chatJson(sandbox, request);
      expect(body.choices[0].finish_reason).toBe('tool_calls');
      expect(body.choices[0].message.tool_calls[0].function.name).toBe('lookup_order');
    });
  });

  it('bare-rate-limits sends no rate-limit headers and a plain 429 without Retry-After', async () => {
    await withSandbox('bare-rate-limits', async (sandbox) => {
      const responses: Response[] = [];
      for (let attempt = 0; attempt < 8; attempt += 1)
        responses.push(await fetch(`${sandbox.url}/v1/models`, { headers: AUTH }));
      expect(responses[0]?.headers.get('x-ratelimit-remaining-req-minute')).toBeNull();
      const limited = responses.find((response) => response.status === 429);
      expect(limited).toBeDefined();
      expect(limited?.headers.get('retry-after')).toBeNull();
      expect(limited?.headers.get('content-type')).toMatch(/^text\/plain/);
    });
    await withSandbox('faithful', async (sandbox) => {
      const response = await fetch(`${sandbox.url}/v1/models`, { headers: AUTH });
      expect(response.headers.get('x-ratelimit-remaining-req-minute')).not.toBeNull();
    });
  });

  it('flaky-5xx answers 503 on every 3rd request and 500 on the 7th; faithful never does', async () => {
    const statusesOf = async (sandbox: RunningSandbox, count: number): Promise<number[]> => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < count; attempt += 1) {
        const response = await fetch(`${sandbox.url}/v1/models`, { headers: AUTH });
        statuses.push(response.status);
        if (response.status === 503) expect(await response.json()).toEqual({ detail: 'Service Unavailable' });
        else await response.arrayBuffer();
      }
      return statuses;
    };
    await withSandbox('flaky-5xx', async (sandbox) => {
      expect(await statusesOf(sandbox, 7)).toEqual([200, 200, 503, 200, 200, 503, 500]);
    });
    await withSandbox('faithful', async (sandbox) => {
      expect(await statusesOf(sandbox, 7)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    });
  });

  it('slow-stream delays the first token by at least 550 ms', async () => {
    await withSandbox('slow-stream', async (sandbox) => {
      const sentAt = performance.now();
      const response = await chat(sandbox, {
        stream: true,
        max_tokens: 3,
        messages: [{ role: 'user', content: 'hi' }],
      });
      const { events } = await readSse(response, sentAt);
      const firstContent = events.find(
        (event) => event.data.includes('"content":"') && !event.data.includes('"role"'),
      );
      expect(firstContent?.at).toBeGreaterThanOrEqual(550);
    });
  });

  it('truncated-stream stops mid-event without [DONE], and cuts JSON bodies; faithful completes', async () => {
    const request = { messages: [{ role: 'user', content: 'Tell me about the sandbox please.' }] };
    await withSandbox('truncated-stream', async (sandbox) => {
      const { raw, events } = await readSse(
        await chat(sandbox, { ...request, stream: true }),
        performance.now(),
      );
      expect(raw).not.toContain('[DONE]');
      expect(raw).not.toContain('finish_reason":"stop"');
      expect(events.length).toBe(4);
      expect(raw.endsWith('\n\n')).toBe(false);
      const plain = await chat(sandbox, request);
      await expect(plain.text().then((text) => JSON.parse(text))).rejects.toThrow();
    });
    await withSandbox('faithful', async (sandbox) => {
      const { raw } = await readSse(await chat(sandbox, { ...request, stream: true }), performance.now());
      expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    });
  });

  it('silent-model-swap answers with another model and accepts unknown ones; faithful does not', async () => {
    const messages = [{ role: 'user', content: 'hi' }];
    await withSandbox('silent-model-swap', async (sandbox) => {
      expect((await chatJson(sandbox, { messages })).model).not.toBe('mistral-small-latest');
      expect((await chat(sandbox, { model: 'gpt-4o', messages })).status).toBe(200);
    });
    await withSandbox('faithful', async (sandbox) => {
      expect((await chatJson(sandbox, { messages })).model).toBe('mistral-small-latest');
      expect((await chat(sandbox, { model: 'gpt-4o', messages })).status).toBe(400);
    });
  });

  it('hostile profile and inline overrides compose per-path chaos faults', async () => {
    await withSandbox('hostile', async (sandbox) => {
      const bytes = new Uint8Array(
        await (await fetch(`${sandbox.url}/v1/models`, { headers: AUTH })).arrayBuffer(),
      );
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      await expect(
        postJson(sandbox, '/v1/embeddings', { model: 'mistral-embed', input: 'x' }),
      ).rejects.toThrow();
      const huge = await fetch(`${sandbox.url}/v1/models/mistral-small-latest`, { headers: AUTH });
      expect(huge.status).toBe(500);
      expect((await huge.arrayBuffer()).byteLength).toBeGreaterThan(5_000_000);
      expect((await fetch(`${sandbox.url}/v1/files`, { headers: AUTH })).status).toBe(502);
    });
    const inline = {
      extends: 'fast',
      faults: { pathFaults: [{ path: '/v1/chat/completions', hangMs: 300 }] },
    };
    await withSandbox(inline, async (sandbox) => {
      const sentAt = performance.now();
      const response = await postJson(
        sandbox,
        '/v1/chat/completions',
        { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'hi' }] },
        JSON_HEADERS,
      );
      expect(response.status).toBe(200);
      expect(performance.now() - sentAt).toBeGreaterThanOrEqual(290);
      expect((await fetch(`${sandbox.url}/v1/models`, { headers: AUTH })).status).toBe(200);
    });
  });

  it('a hanging request does not keep close() waiting', async () => {
    await withSandbox({ extends: 'hostile' }, async (sandbox) => {
      const pending = chat(sandbox, { messages: [{ role: 'user', content: 'hi' }] }).catch(
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closedAt = performance.now();
      await sandbox.close();
      expect(performance.now() - closedAt).toBeLessThan(1000);
      expect(await pending).toBeInstanceOf(Error);
    });
  });
});
