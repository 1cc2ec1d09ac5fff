/**
 * @module Test helper: a server that answers the way OpenAI's API does, not the way Mistral's does —
 * `{"error": {message, type, param, code}}` with 400/401/404, `call_…` tool ids, the dated snapshot
 * in `model`, no `capabilities` on models, unknown parameters refused, and usage on a stream only
 * when `stream_options.include_usage` asks for it. It records what each request asked for.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OPENAI_DIALECT_MODEL = 'gpt-4o-mini';
const SNAPSHOT = `${OPENAI_DIALECT_MODEL}-2024-07-18`;
const KNOWN_PARAMETERS = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stream',
  'stream_options',
  'stop',
  'seed',
  'n',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'presence_penalty',
  'frequency_penalty',
  'user',
  'logprobs',
]);

type Json = Record<string, unknown>;

export interface OpenAiDialectRequest {
  path: string;
  stream: boolean;
  streamOptions: unknown;
}

function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  param: string | null,
  code: string | null,
) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req_${randomUUID().slice(0, 12)}`,
  });
  response.end(JSON.stringify({ error: { message, type: 'invalid_request_error', param, code } }));
}

/** A value that satisfies a (simple) JSON Schema, as a model answering in JSON mode would try to. */
function fromSchema(schema: unknown): unknown {
  const node = (schema ?? {}) as Json;
  if (Array.isArray(node.enum)) return node.enum[0];
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((node.properties ?? {}) as Json).map(([key, value]) => [key, fromSchema(value)]),
      );
    case 'array':
      return [fromSchema(node.items)];
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : 1;
    case 'boolean':
      return true;
    default:
      return 'Paris';
  }
}

function answer(body: Json): { content: string | null; toolCalls: Json[] | null } {
  const messages = body.messages as Json[];
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  const choice = body.tool_choice as Json | string | undefined;
  if (messages.at(-1)?.role === 'tool')
    return { content: `Done: ${String(messages.at(-1)?.content).slice(0, 40)}`, toolCalls: null };
  if (tools.length > 0 && choice !== 'none') {
    const named = typeof choice === 'object' ? ((choice.function as Json)?.name as string) : undefined;
    const tool = (tools.find((candidate) => (candidate.function as Json).name === named) ?? tools[0]!)
      .function as Json;
    const id = `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    return {
      content: null,
      toolCalls: [
        {
          id,
          type: 'function',
          function: { name: tool.name, arguments: JSON.stringify(fromSchema(tool.parameters)) },
        },
      ],
    };
  }
  const format = body.response_format as Json | undefined;
  if (format?.type === 'json_object') return { content: JSON.stringify({ answer: 'ok' }), toolCalls: null };
  if (format?.type === 'json_schema')
    return { content: JSON.stringify(fromSchema((format.json_schema as Json)?.schema)), toolCalls: null };
  return { content: 'The sea is calm today. Waves roll gently. Gulls circle above.', toolCalls: null };
}

function chat(body: Json, response: ServerResponse): void {
  const id = `chatcmpl-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
  const created = Math.floor(Date.now() / 1000);
  const { content, toolCalls } = answer(body);
  const usage = {
    prompt_tokens: Math.ceil(JSON.stringify(body.messages).length / 4),
    completion_tokens: 14,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const finish = toolCalls ? 'tool_calls' : 'stop';
  if (body.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${id.slice(9, 21)}` });
    response.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: SNAPSHOT,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content,
              refusal: null,
              ...(toolCalls ? { tool_calls: toolCalls } : {}),
            },
            logprobs: null,
            finish_reason: finish,
          },
        ],
        usage,
        system_fingerprint: 'fp_0ba0d124f1',
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  const base = {
    id,
    object: 'chat.completion.chunk',
    created,
    model: SNAPSHOT,
    system_fingerprint: 'fp_0ba0d124f1',
  };
  const chunks: Json[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      usage: null,
    },
  ];
  for (const piece of content?.match(/.{1,6}/gs) ?? [])
    chunks.push({
      ...base,
      choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
      usage: null,
    });
  for (const [index, call] of (toolCalls ?? []).entries()) {
    const fn = call.function as Json;
    chunks.push({
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              { index, id: call.id, type: 'function', function: { name: fn.name, arguments: '' } },
            ],
          },
          finish_reason: null,
        },
      ],
      usage: null,
    });
    for (const part of String(fn.arguments).match(/.{1,5}/gs) ?? [])
      chunks.push({
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index, function: { arguments: part } }] },
            finish_reason: null,
          },
        ],
        usage: null,
      });
  }
  chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }], usage: null });
  if ((body.stream_options as Json | undefined)?.include_usage === true)
    chunks.push({ ...base, choices: [], usage });
  let next = 0;
  const timer = setInterval(() => {
    const chunk = chunks[next++];
    if (chunk) {
      response.write(`data: ${JSON.stringify(chunk)}\n\n`);
      return;
    }
    clearInterval(timer);
    response.end('data: [DONE]\n\n');
  }, 2);
}

export async function startOpenAiDialectServer(key: string) {
  const requests: OpenAiDialectRequest[] = [];
  const server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const authorization = request.headers.authorization;
    if (!authorization)
      return sendError(
        response,
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
        null,
        null,
      );
    if (authorization !== `Bearer ${key}`)
      return sendError(response, 401, 'Incorrect API key provided.', null, 'invalid_api_key');
    if (request.method === 'GET' && path === '/v1/models') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          object: 'list',
          data: [OPENAI_DIALECT_MODEL, 'gpt-4o'].map((id) => ({
            id,
            object: 'model',
            created: 1715367049,
            owned_by: 'system',
          })),
        }),
      );
      return;
    }
    if (path !== '/v1/chat/completions' || request.method !== 'POST')
      return sendError(response, 404, `Invalid URL (${request.method} ${path})`, null, null);
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return sendError(response, 400, 'We could not parse the JSON body of your request.', null, null);
    }
    requests.push({ path, stream: body.stream === true, streamOptions: body.stream_options });
    const unknown = Object.keys(body).find((name) => !KNOWN_PARAMETERS.has(name));
    if (unknown)
      return sendError(response, 400, `Unrecognized request argument supplied: ${unknown}`, null, null);
    if (typeof body.model !== 'string')
      return sendError(response, 400, 'you must provide a model parameter', null, null);
    if (body.model !== OPENAI_DIALECT_MODEL && body.model !== 'gpt-4o')
      return sendError(
        response,
        404,
        `The model \`${body.model}\` does not exist or you do not have access to it.`,
        null,
        'model_not_found',
      );
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return sendError(
        response,
        400,
        "Invalid 'messages': expected a non-empty array.",
        'messages',
        'invalid_type',
      );
    if (typeof body.temperature === 'number' && body.temperature > 2)
      return sendError(
        response,
        400,
        `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${body.temperature} instead.`,
        'temperature',
        'decimal_above_max_value',
      );
    chat(body, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
