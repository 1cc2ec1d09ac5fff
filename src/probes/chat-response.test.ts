import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../providers/provider.ts';
import { createSseParser } from '../providers/sse-parser.ts';
import { parseArguments, readChatCompletion } from './chat-response.ts';

interface Recorded {
  kind: string;
  body: unknown;
  source: string;
}

// Real Mistral answers, recorded by other projects (provenance in src/providers/__fixtures__/SOURCES.md).
const recorded = JSON.parse(
  readFileSync(new URL('../providers/__fixtures__/mistral-real-streams.json', import.meta.url), 'utf8'),
) as Recorded[];

function streamed(body: string): ProviderExchange {
  const parser = createSseParser();
  // One event every 10 ms, as if it came off the socket.
  const events = body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .flatMap((block, index) => parser.push(new TextEncoder().encode(`${block}\n\n`), 10 * (index + 1)));
  return {
    request: { method: 'POST', url: 'https://api.mistral.ai/v1/chat/completions', headers: {} },
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    bodyText: body,
    bodyBytes: body.length,
    sse: events,
    sseDone: parser.done,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 5, e2eMs: 10 * events.length + 10 },
  };
}

describe('readChatCompletion on recorded Mistral answers', () => {
  it('reads a streamed parallel tool call: whole calls in one chunk, 9-character ids, usage at the end', () => {
    const sse = recorded.find((item) => item.kind === 'sse' && String(item.body).includes('tool_calls'));
    const reading = readChatCompletion(streamed(String(sse?.body)));
    expect(reading.roleOnlyFirstChunk).toBe(true);
    expect(reading.toolCalls.map((call) => call.name)).toEqual(['search', 'weather']);
    expect(reading.toolCalls.every((call) => /^[a-zA-Z0-9]{9}$/.test(call.id))).toBe(true);
    expect(parseArguments(reading.toolCalls[1]?.rawArguments)).toEqual({
      ok: true,
      value: { city: 'Detroit' },
    });
    expect(reading.finishReason).toBe('tool_calls');
    expect(reading.usage.completionTokens).toBe(25);
    expect(reading.done).toBe(true);
    // TTFT is the first event with a tool call (the second), never the role-only first chunk.
    expect(reading.ttftMs).toBe(20);
  });

  it('reads a streamed text answer and its usage', () => {
    const sse = recorded.find((item) => item.kind === 'sse' && !String(item.body).includes('tool_calls'));
    const reading = readChatCompletion(streamed(String(sse?.body)));
    expect(reading.content.length).toBeGreaterThan(10);
    expect(reading.finishReason).toBe('stop');
    expect(reading.usage.completionTokens).toBeGreaterThan(1);
    expect(reading.ttftMs).toBe(20);
    expect(reading.malformedChunks).toBe(0);
  });

  it('reads a non-streamed answer with parallel tool calls and content ""', () => {
    const json = recorded.find((item) => item.kind === 'json');
    const body = JSON.stringify(json?.body);
    const reading = readChatCompletion({
      request: { method: 'POST', url: 'x', headers: {} },
      status: 200,
      headers: { 'content-type': 'application/json' },
      bodyText: body,
      bodyBytes: body.length,
      json: json?.body,
      timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
    });
    expect(reading.toolCalls.map((call) => call.name)).toEqual(['search', 'weather']);
    expect(reading.content).toBe('');
    expect(reading.model).toBe('mistral-large-latest');
  });
});
