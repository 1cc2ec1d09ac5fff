import { afterEach, describe, expect, it } from 'vitest';
import { MISTRAL_CONTEXT } from '../__fixtures__/assertion-contexts.ts';
import { type Answer, completion, startScriptedServer } from '../__fixtures__/chat-answers.ts';
import { createTestContext, type TestServer } from '../__fixtures__/probe-test-context.ts';
import type { Assertion, AssertionParams } from '../assertion.ts';
import {
  noToolCallAssertion,
  parallelCallsAssertion,
  toolArgsValidAssertion,
  toolCalledAssertion,
  toolIdFormatAssertion,
} from '../assertions/llm-assertions.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { toolCallKind } from './tool-call.ts';

/** A tool schema as zod-to-json-schema writes it (draft-07, `$schema` declared). */
const FLIGHTS = {
  type: 'function',
  function: {
    name: 'search_flights',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      required: ['from', 'to', 'date'],
      additionalProperties: false,
      properties: {
        from: { type: 'string', pattern: '^[A-Z]{3}$' },
        to: { type: 'string', pattern: '^[A-Z]{3}$' },
        date: { type: 'string', format: 'date' },
      },
    },
  },
} as const;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function turn(answer: Answer, toolChoice = 'any'): Promise<ProbeOutcome> {
  const scripted = await startScriptedServer([answer]);
  server = scripted;
  const { context } = createTestContext({
    baseUrl: scripted.baseUrl,
    probe: { kind: 'tool-call', with: { tools: [FLIGHTS], toolChoice, parallelToolCalls: true } },
  });
  const outcome = await toolCallKind.run(context);
  expect(scripted.requests[0]).toMatchObject({ tool_choice: toolChoice, parallel_tool_calls: true });
  return outcome;
}

const judge = (assertion: Assertion, outcome: ProbeOutcome, params: AssertionParams = {}) =>
  assertion.evaluate(params, outcome, MISTRAL_CONTEXT);

const flights = (id: string, args: string) => ({
  status: 200,
  json: completion('', [{ id, name: 'search_flights', arguments: args }]),
});

describe('tool-call kind', () => {
  it('a forced call with arguments valid against a draft-07 tool schema', async () => {
    const outcome = await turn(flights('abcDEF123', '{"from": "CDG", "to": "BER", "date": "2026-12-01"}'));
    expect(judge(toolCalledAssertion, outcome, { name: 'search_flights' }).passed).toBe(true);
    expect(judge(toolArgsValidAssertion, outcome)).toEqual({
      passed: true,
      detail: "1 call(s) with arguments valid against the tool's parameters",
    });
    expect(judge(toolIdFormatAssertion, outcome).passed).toBe(true);
    expect(judge(noToolCallAssertion, outcome).passed).toBe(false);
    expect(judge(parallelCallsAssertion, outcome, { min: 2 }).passed).toBe(false);
    expect(outcome.measurements.toolCalls).toMatchObject({
      forced: true,
      forcedCallMade: true,
      validArguments: 1,
    });
  });

  it('arguments that break the schema (pattern, format, extra field) are invalid', async () => {
    for (const args of [
      '{"from": "Paris", "to": "BER", "date": "2026-12-01"}',
      '{"from": "CDG", "to": "BER", "date": "1 December"}',
      '{"from": "CDG", "to": "BER", "date": "2026-12-01", "seat": "window"}',
      '{"from": "CDG"',
    ]) {
      const outcome = await turn(flights('abcDEF123', args));
      expect(judge(toolArgsValidAssertion, outcome).passed, args).toBe(false);
      expect(outcome.measurements.toolCalls).toMatchObject({ validArguments: 0 });
      await server?.close();
      server = undefined;
    }
  });

  it('a forced choice answered in text fails, ids in another format fail', async () => {
    const text = await turn({ status: 200, json: completion('Which airports?') });
    expect(judge(toolCalledAssertion, text)).toEqual({
      passed: false,
      detail: 'no tool call although one was required',
    });
    await server?.close();
    const openaiIds = await turn(flights('call_abc', '{"from": "CDG", "to": "BER", "date": "2026-12-01"}'));
    expect(judge(toolIdFormatAssertion, openaiIds).passed).toBe(false);
  });

  it('a 503 is not "tool_choice ignored": every behaviour check answers null', async () => {
    const outcome = await turn({ status: 503, json: { message: 'Service unavailable' } });
    for (const assertion of [
      toolCalledAssertion,
      toolArgsValidAssertion,
      noToolCallAssertion,
      parallelCallsAssertion,
    ]) {
      expect(judge(assertion, outcome)).toEqual({
        passed: null,
        detail: 'not judged: the answer was 503, not a 2xx (availability judges it)',
      });
    }
    expect(outcome.measurements.toolCalls).toBeUndefined();
  });
});
