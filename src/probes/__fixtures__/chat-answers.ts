/** @module Test support: chat-completion answers in the shapes Mistral sends (reference/mistral-real-streams.json), and a server that plays them in order. */
import type { ServerResponse } from 'node:http';
import { sendJson, startTestServer, type TestServer } from './probe-test-context.ts';

export interface ToolCallAnswer {
  id: string;
  name: string;
  /** Sent as the JSON string Mistral puts in `function.arguments`. */
  arguments: string;
}

/** A non-streaming chat completion with text and/or tool calls. */
export function completion(content: string, toolCalls: ToolCallAnswer[] = []): Record<string, unknown> {
  return {
    id: 'b761ad55fe0145d3a5e478a080930232',
    object: 'chat.completion',
    created: 1728462827,
    model: 'mistral-small-2506',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          tool_calls:
            toolCalls.length === 0
              ? null
              : toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
        },
        finish_reason: toolCalls.length === 0 ? 'stop' : 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 12, total_tokens: 30, completion_tokens: 18 },
  };
}

/** SSE frames as Mistral streams them: role-only first chunk, content chunks, usage on the last, `[DONE]`. */
export function streamFrames(parts: string[], options: { done?: boolean } = {}): string {
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({
      id: '4a7c8f2e',
      object: 'chat.completion.chunk',
      created: 1728462827,
      model: 'mistral-small-2506',
      choices: [{ index: 0, delta, finish_reason: null, ...extra }],
    })}\n\n`;
  const frames = [chunk({ role: 'assistant', content: '' })];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    frames.push(
      last
        ? `data: ${JSON.stringify({
            id: '4a7c8f2e',
            object: 'chat.completion.chunk',
            created: 1728462827,
            model: 'mistral-small-2506',
            choices: [{ index: 0, delta: { content: part }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, total_tokens: 10 + parts.length, completion_tokens: parts.length },
          })}\n\n`
        : chunk({ content: part }),
    );
  });
  if (options.done !== false) frames.push('data: [DONE]\n\n');
  return frames.join('');
}

export type Answer =
  | { status: number; json: unknown }
  | { status: number; sse: string }
  | ((response: ServerResponse) => void);

/** Answers each request with the next answer (the last one repeats); records request bodies. */
export async function startScriptedServer(
  answers: Answer[],
): Promise<TestServer & { requests: Record<string, unknown>[] }> {
  const requests: Record<string, unknown>[] = [];
  let next = 0;
  const server = await startTestServer((_request, body, response) => {
    const text = body.toString('utf8');
    requests.push(text === '' ? {} : (JSON.parse(text) as Record<string, unknown>));
    const answer = answers[Math.min(next, answers.length - 1)]!;
    next += 1;
    if (typeof answer === 'function') return answer(response);
    if ('json' in answer) return sendJson(response, answer.status, answer.json);
    response.writeHead(answer.status, { 'content-type': 'text/event-stream' });
    response.end(answer.sse);
  });
  return Object.assign(server, { requests });
}
