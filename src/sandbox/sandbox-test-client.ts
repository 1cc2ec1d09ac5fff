/** @module sandbox/sandbox-test-client — helpers for the sandbox tests: start, call over loopback, read SSE. */
import { type RunningSandbox, type SandboxOptions, startSandbox } from './start-sandbox.ts';

export const TEST_KEY = 'sandbox-test-key-0001';
export const AUTH = { authorization: `Bearer ${TEST_KEY}` };
export const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };

export async function withSandbox<T>(
  profile: SandboxOptions['profile'],
  run: (sandbox: RunningSandbox) => Promise<T>,
): Promise<T> {
  const sandbox = await startSandbox({ profile, apiKeys: [TEST_KEY] });
  try {
    return await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

export function postJson(
  sandbox: RunningSandbox,
  path: string,
  body: unknown,
  headers: Record<string, string> = JSON_HEADERS,
): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function chat(sandbox: RunningSandbox, body: Record<string, unknown>): Promise<Response> {
  return postJson(sandbox, '/v1/chat/completions', { model: 'mistral-small-latest', ...body });
}

export interface SseEvent {
  data: string;
  /** ms since the request was sent. */
  at: number;
}

/** Reads an SSE body event by event, timing each against `sentAt`. */
export async function readSse(
  response: Response,
  sentAt: number,
): Promise<{ events: SseEvent[]; raw: string }> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let raw = '';
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    raw += text;
    buffer += text;
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      if (block.startsWith('data: ')) events.push({ data: block.slice(6), at: performance.now() - sentAt });
      boundary = buffer.indexOf('\n\n');
    }
  }
  return { events, raw };
}

export function sortedKeys(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value).sort() : [];
}

/** Parses `data:` lines of a recorded stream (blank-line framed or one JSON per line). */
export function recordedChunks(body: string): Array<Record<string, unknown>> {
  return body
    .split('\n')
    .map((line) => line.replace(/^data: /, '').trim())
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
