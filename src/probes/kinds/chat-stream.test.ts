import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, startScriptedServer, streamFrames } from '../__fixtures__/chat-answers.ts';
import { createTestContext, type TestServer } from '../__fixtures__/probe-test-context.ts';
import { streamCompleteAssertion, ttftRecordedAssertion } from '../assertions/llm-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { chatStreamKind } from './chat-stream.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function stream(answer: Answer): Promise<ProbeOutcome> {
  const scripted = await startScriptedServer([answer]);
  server = scripted;
  const { context } = createTestContext({
    baseUrl: scripted.baseUrl,
    probe: { kind: 'chat-stream', with: { prompt: 'Three words.', maxTokens: 7 } },
  });
  const outcome = await chatStreamKind.run(context);
  expect(scripted.requests[0]).toMatchObject({ stream: true, max_tokens: 7 });
  return outcome;
}

describe('chat-stream kind', () => {
  it('a whole stream: TTFT from the first content event (not the role-only chunk), usage, [DONE]', async () => {
    const outcome = await stream({ status: 200, sse: streamFrames(['The ', 'sea ', 'sings.']) });
    expect(observationOf(outcome, 'chat-stream')).toMatchObject({
      status: 200,
      done: true,
      roleOnlyFirstChunk: true,
      finishReason: 'stop',
      outputTokens: 3,
      contentChars: 14,
    });
    expect(ttftRecordedAssertion.evaluate({}, outcome, {} as never).passed).toBe(true);
    expect(ttftRecordedAssertion.evaluate({ maxMs: 0.000001 }, outcome, {} as never).passed).toBe(false);
    expect(streamCompleteAssertion.evaluate({}, outcome, {} as never)).toEqual({
      passed: true,
      detail: 'stream complete: 3 tokens, finish_reason stop',
    });
    expect(outcome.timings.interTokenMs).toBeGreaterThanOrEqual(0);
  });

  it('a stream that ends without [DONE] is incomplete', async () => {
    const outcome = await stream({ status: 200, sse: streamFrames(['The ', 'sea.'], { done: false }) });
    expect(streamCompleteAssertion.evaluate({}, outcome, {} as never)).toEqual({
      passed: false,
      detail: 'stream ended without data: [DONE]',
    });
  });

  it('a 503 is not an incomplete stream: nothing about streaming is judged', async () => {
    const outcome = await stream({ status: 503, json: { message: 'Service unavailable' } });
    for (const assertion of [streamCompleteAssertion, ttftRecordedAssertion]) {
      expect(assertion.evaluate({}, outcome, {} as never)).toEqual({
        passed: null,
        detail: 'not judged: the answer was 503, not a 2xx (availability judges it)',
      });
    }
    expect(outcome.measurements.latency).toBe(false);
  });
});
