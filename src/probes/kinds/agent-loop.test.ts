import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, completion, startScriptedServer } from '../__fixtures__/chat-answers.ts';
import { createTestContext, type TestServer } from '../__fixtures__/probe-test-context.ts';
import type { AssertionParams } from '../assertion.ts';
import {
  loopTerminatesAssertion,
  noRepeatedCallsAssertion,
  toolArgsValidAssertion,
} from '../assertions/llm-assertions.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { agentLoopKind } from './agent-loop.ts';

const WEATHER = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      additionalProperties: false,
      required: ['city'],
      properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } },
    },
  },
} as const;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function loop(answers: Answer[], maxIterations = 4): Promise<ProbeOutcome> {
  const scripted = await startScriptedServer(answers);
  server = scripted;
  const { context } = createTestContext({
    baseUrl: scripted.baseUrl,
    probe: {
      kind: 'agent-loop',
      with: { tools: [WEATHER], maxIterations, toolResults: { get_weather: { temperatureC: 14 } } },
    },
  });
  return agentLoopKind.run(context);
}

const judge = (outcome: ProbeOutcome, params: AssertionParams = {}) => ({
  repeated: noRepeatedCallsAssertion.evaluate(params, outcome, {} as never),
  terminates: loopTerminatesAssertion.evaluate(params, outcome, {} as never),
  args: toolArgsValidAssertion.evaluate(params, outcome, {} as never),
});

const call = (id: string, args: string) => ({
  status: 200,
  json: completion('', [{ id, name: 'get_weather', arguments: args }]),
});

describe('agent-loop kind', () => {
  it('distinct calls, then an answer: nothing repeated, the loop ends, tool results are fed back', async () => {
    const outcome = await loop([
      call('abcDEF123', '{"city": "Paris"}'),
      call('abcDEF124', '{"city": "Lyon"}'),
      { status: 200, json: completion('14 °C in Paris, 12 °C in Lyon.') },
    ]);
    expect(judge(outcome)).toMatchObject({
      repeated: { passed: true },
      terminates: { passed: true, detail: 'final answer after 3 iteration(s)' },
      args: { passed: true },
    });
    const sent = server as unknown as { requests: { messages: { role: string; content: string }[] }[] };
    const toolMessage = sent.requests[1]?.messages.find((message) => message.role === 'tool');
    expect(toolMessage?.content).toBe('{"temperatureC":14}');
  });

  it('the same arguments in another key order ARE a repeat', async () => {
    const outcome = await loop([
      call('abcDEF123', '{"city": "Paris", "unit": "celsius"}'),
      call('abcDEF124', '{"unit": "celsius", "city": "Paris"}'),
      { status: 200, json: completion('14 °C.') },
    ]);
    expect(judge(outcome).repeated).toEqual({
      passed: false,
      detail: '1 of 2 calls repeated an earlier call with the same arguments',
    });
  });

  it('different values are not a repeat, invalid arguments are caught', async () => {
    const outcome = await loop([
      call('abcDEF123', '{"city": "Paris", "unit": "celsius"}'),
      call('abcDEF124', '{"city": "Paris", "unit": "kelvin"}'),
      { status: 200, json: completion('14 °C.') },
    ]);
    expect(judge(outcome).repeated.passed).toBe(true);
    expect(judge(outcome).args).toMatchObject({
      passed: false,
      detail: expect.stringContaining('1/2 call(s)'),
    });
  });

  it('a loop that never ends fails at the max-iterations guard', async () => {
    const outcome = await loop([call('abcDEF123', '{"city": "Paris"}')], 3);
    expect(judge(outcome).terminates).toEqual({
      passed: false,
      detail: 'still calling tools after 3 iterations (max-iterations guard hit)',
    });
    expect(outcome.measurements.toolCalls).toMatchObject({ calls: 3, repeatedCalls: 2, hitGuard: true });
  });

  it('a 503 mid-loop is not judged as loop behaviour', async () => {
    const outcome = await loop([
      call('abcDEF123', '{"city": "Paris"}'),
      {
        status: 503,
        json: { object: 'error', message: 'Service unavailable', type: 'internal_server_error' },
      },
    ]);
    const verdicts = judge(outcome);
    for (const verdict of Object.values(verdicts)) {
      expect(verdict.passed).toBeNull();
      expect(verdict.detail).toContain('not judged: the answer was 503');
    }
  });
});
