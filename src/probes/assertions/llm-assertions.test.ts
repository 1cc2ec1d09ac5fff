import { describe, expect, it } from 'vitest';
import { MISTRAL_CONTEXT, OPENAI_COMPATIBLE_CONTEXT } from '../__fixtures__/assertion-contexts.ts';
import type { Assertion, AssertionParams } from '../assertion.ts';
import type { AgentLoopObservations } from '../kinds/agent-loop.ts';
import type { LatencyObservations } from '../kinds/chat-stream.ts';
import type { JsonModeObservations } from '../kinds/json-mode.ts';
import type { ToolCallObservations } from '../kinds/tool-call.ts';
import type { JudgedCall } from '../kinds/tool-calling.ts';
import type { Observation } from '../observation.ts';
import { emptyOutcome, type ProbeOutcome } from '../probe-kind.ts';
import {
  authTimingRecordedAssertion,
  jsonAcceptedAssertion,
  jsonValidAssertion,
  loopTerminatesAssertion,
  noRepeatedCallsAssertion,
  noToolCallAssertion,
  notJudgedStatus,
  parallelCallsAssertion,
  schemaValidAssertion,
  streamCompleteAssertion,
  toolArgsValidAssertion,
  toolCalledAssertion,
  toolIdFormatAssertion,
  ttftRecordedAssertion,
} from './llm-assertions.ts';

const observed = (observation: Observation): ProbeOutcome => ({ ...emptyOutcome(), observation });
const judge = (assertion: Assertion, outcome: ProbeOutcome, params: AssertionParams = {}) =>
  assertion.evaluate(params, outcome, MISTRAL_CONTEXT);

const jsonMode = (overrides: Partial<JsonModeObservations> = {}) =>
  observed({
    kind: 'json-mode',
    data: {
      accepted: true,
      status: 200,
      content: '{"a":1}',
      valid: true,
      schemaValid: true,
      schemaErrors: [],
      failureForm: null,
      finishReason: 'stop',
      ...overrides,
    },
  });
const call = (name: string, overrides: Partial<JudgedCall> = {}): JudgedCall => ({
  id: 'abcDEF123',
  name,
  knownTool: true,
  argumentsParse: true,
  argumentsValid: true,
  argumentErrors: [],
  signature: `${name}{}`,
  repeated: false,
  ...overrides,
});
const single = (calls: JudgedCall[], overrides: Partial<ToolCallObservations> = {}) =>
  observed({
    kind: 'tool-call',
    data: {
      toolChoice: 'auto',
      forced: false,
      calls,
      text: '',
      finishReason: 'tool_calls',
      status: 200,
      ...overrides,
    },
  });
const loop = (overrides: Partial<AgentLoopObservations> = {}) =>
  observed({
    kind: 'agent-loop',
    data: {
      lastStatus: 200,
      iterations: 2,
      maxIterations: 5,
      hitGuard: false,
      calls: [call('search')],
      repeatedCalls: 0,
      finalAnswer: 'done',
      ...overrides,
    },
  });
const stream = (overrides: Partial<LatencyObservations> = {}) =>
  observed({
    kind: 'chat-stream',
    data: {
      status: 200,
      ttftMs: 123.456,
      ttfbMs: 100,
      e2eMs: 500,
      outputTokens: 12,
      done: true,
      roleOnlyFirstChunk: true,
      finishReason: 'stop',
      contentChars: 40,
      ...overrides,
    },
  });

describe('notJudgedStatus', () => {
  it('hands no answer and 5xx to availability, other statuses to the status checks', () => {
    expect(notJudgedStatus(null)).toEqual({
      passed: null,
      detail: 'not judged: no answer (availability judges it)',
    });
    expect(notJudgedStatus(500)).toEqual({
      passed: null,
      detail: 'not judged: the answer was 500, not a 2xx (availability judges it)',
    });
    expect(notJudgedStatus(499).detail).toBe(
      'not judged: the answer was 499, not a 2xx (the status checks judge it)',
    );
  });
});

describe('JSON-mode assertions', () => {
  it('are not applicable without JSON-mode observations', () => {
    for (const assertion of [jsonAcceptedAssertion, jsonValidAssertion, schemaValidAssertion]) {
      expect(assertion.reads).toEqual(['json-mode']);
      expect(judge(assertion, emptyOutcome())).toEqual({ passed: null, detail: 'no JSON-mode observations' });
    }
  });

  it('json-accepted fails a 4xx refusal only', () => {
    expect(judge(jsonAcceptedAssertion, jsonMode())).toEqual({
      passed: true,
      detail: 'response_format accepted',
    });
    for (const status of [400, 499]) {
      expect(judge(jsonAcceptedAssertion, jsonMode({ accepted: false, status }))).toEqual({
        passed: false,
        detail: `response_format refused with status ${status}`,
      });
    }
    expect(judge(jsonAcceptedAssertion, jsonMode({ accepted: false, status: 500 }))).toEqual(
      notJudgedStatus(500),
    );
    expect(judge(jsonAcceptedAssertion, jsonMode({ accepted: false, status: 399 }))).toEqual(
      notJudgedStatus(399),
    );
    expect(judge(jsonAcceptedAssertion, jsonMode({ accepted: false, status: null }))).toEqual(
      notJudgedStatus(null),
    );
  });

  it('json-valid and schema-valid judge accepted answers only', () => {
    expect(judge(jsonValidAssertion, jsonMode())).toEqual({
      passed: true,
      detail: 'content is one JSON document',
    });
    expect(
      judge(
        jsonValidAssertion,
        jsonMode({ valid: false, failureForm: 'code-fence', content: `\`\`\`${'x'.repeat(100)}` }),
      ),
    ).toEqual({ passed: false, detail: `content is not JSON (code-fence): \`\`\`${'x'.repeat(77)}` });
    expect(judge(jsonValidAssertion, jsonMode({ accepted: false, status: 422 }))).toEqual(
      notJudgedStatus(422),
    );

    expect(judge(schemaValidAssertion, jsonMode())).toEqual({
      passed: true,
      detail: 'content satisfies the schema',
    });
    expect(judge(schemaValidAssertion, jsonMode({ schemaValid: null }))).toEqual({
      passed: null,
      detail: 'no schema to check against',
    });
    expect(
      judge(
        schemaValidAssertion,
        jsonMode({ schemaValid: false, schemaErrors: ['/a must be string', '/b required'] }),
      ),
    ).toEqual({
      passed: false,
      detail: 'schema violations: /a must be string; /b required',
    });
    expect(
      judge(schemaValidAssertion, jsonMode({ schemaValid: false, failureForm: 'truncated' })).detail,
    ).toBe('schema violations: truncated');
    expect(judge(schemaValidAssertion, jsonMode({ accepted: false, status: null }))).toEqual(
      notJudgedStatus(null),
    );
  });
});

describe('tool-call assertions', () => {
  const ALL = [
    toolCalledAssertion,
    noToolCallAssertion,
    toolArgsValidAssertion,
    toolIdFormatAssertion,
    parallelCallsAssertion,
  ];

  it('read a single turn or a loop, and hand non-2xx answers on', () => {
    for (const assertion of ALL) {
      expect(assertion.reads).toEqual(['tool-call', 'agent-loop']);
      expect(judge(assertion, emptyOutcome())).toEqual({ passed: null, detail: 'no tool-call observations' });
      expect(judge(assertion, single([call('a')], { status: 503 }))).toEqual(notJudgedStatus(503));
      expect(judge(assertion, single([call('a')], { status: 300 }))).toEqual(notJudgedStatus(300));
      expect(judge(assertion, single([call('a')], { status: 199 }))).toEqual(notJudgedStatus(199));
      expect(judge(assertion, single([call('a')], { status: null }))).toEqual(notJudgedStatus(null));
      expect(judge(assertion, loop({ lastStatus: 429 }))).toEqual(notJudgedStatus(429));
      expect(judge(assertion, single([call('a')], { status: 299 })).passed).not.toBeNull();
    }
  });

  it('tool-called wants a call, and the named tool when given', () => {
    expect(judge(toolCalledAssertion, single([call('a'), call('b')]))).toEqual({
      passed: true,
      detail: 'called a, b',
    });
    expect(judge(toolCalledAssertion, loop())).toEqual({ passed: true, detail: 'called search' });
    expect(judge(toolCalledAssertion, single([]))).toEqual({
      passed: false,
      detail: 'no tool call although one was required',
    });
    expect(judge(toolCalledAssertion, single([call('a'), call('b')]), { name: 'b' }).passed).toBe(true);
    expect(judge(toolCalledAssertion, single([call('a'), call('b')]), { name: 'c' })).toEqual({
      passed: false,
      detail: 'called a, b, not c',
    });
    expect(judge(toolCalledAssertion, single([call('a')]), { name: 3 }).passed).toBe(true);
  });

  it('no-tool-call', () => {
    expect(judge(noToolCallAssertion, single([]))).toEqual({
      passed: true,
      detail: 'answered in text, no tool call',
    });
    expect(judge(noToolCallAssertion, single([call('a'), call('b')]))).toEqual({
      passed: false,
      detail: 'called a, b although no tool fits or tools were off',
    });
  });

  it('tool-args-valid names every call with invalid arguments', () => {
    expect(judge(toolArgsValidAssertion, single([]))).toEqual({ passed: null, detail: 'no calls to judge' });
    expect(judge(toolArgsValidAssertion, single([call('a'), call('b')]))).toEqual({
      passed: true,
      detail: "2 call(s) with arguments valid against the tool's parameters",
    });
    expect(
      judge(
        toolArgsValidAssertion,
        single([
          call('a', { argumentsValid: false, argumentErrors: ['/x required', '/y type'] }),
          call('b'),
          call('zz', { argumentsValid: false, knownTool: false }),
        ]),
      ),
    ).toEqual({
      passed: false,
      detail: '2/3 call(s) with invalid arguments: a: /x required, /y type; zz: unknown tool',
    });
  });

  it('tool-id-format checks each id against nine alphanumerics unless a pattern is given', () => {
    expect(judge(toolIdFormatAssertion, single([]))).toEqual({ passed: null, detail: 'no calls to judge' });
    expect(judge(toolIdFormatAssertion, single([call('a'), call('b', { id: 'Z9z9Z9z9Z' })]))).toEqual({
      passed: true,
      detail: 'tool-call ids match ^[a-zA-Z0-9]{9}$',
    });
    expect(
      judge(
        toolIdFormatAssertion,
        single([call('a', { id: 'call_123' }), call('b'), call('c', { id: 'abcDEF1234' })]),
      ),
    ).toEqual({
      passed: false,
      detail: 'ids "call_123", "abcDEF1234" do not match ^[a-zA-Z0-9]{9}$',
    });
    expect(
      judge(toolIdFormatAssertion, single([call('a', { id: 'call_123' })]), { pattern: '^call_\\d+$' }),
    ).toEqual({
      passed: true,
      detail: 'tool-call ids match ^call_\\d+$',
    });
    // Held to no Mistral spec, an id only has to be one token: OpenAI's call_… passes, a blank one fails.
    const openAi = (calls: ReturnType<typeof call>[]) =>
      toolIdFormatAssertion.evaluate({}, single(calls), OPENAI_COMPATIBLE_CONTEXT);
    expect(openAi([call('a', { id: 'call_ae3d590e698741c5a91dc010' })])).toEqual({
      passed: true,
      detail: 'tool-call ids match ^\\S+$',
    });
    expect(openAi([call('a', { id: '' })]).passed).toBe(false);
  });

  it('parallel-calls wants two calls unless a minimum is given', () => {
    expect(judge(parallelCallsAssertion, single([call('a'), call('b')]))).toEqual({
      passed: true,
      detail: '2 calls in one turn',
    });
    expect(judge(parallelCallsAssertion, single([call('a')]))).toEqual({
      passed: false,
      detail: '1 call(s) where 2 independent calls were asked for',
    });
    expect(judge(parallelCallsAssertion, single([call('a'), call('b')]), { min: 3 }).detail).toBe(
      '2 call(s) where 3 independent calls were asked for',
    );
    expect(judge(parallelCallsAssertion, single([call('a'), call('b'), call('c')]), { min: 3 }).passed).toBe(
      true,
    );
  });
});

describe('agent-loop assertions', () => {
  it('need a loop answered with a 2xx', () => {
    for (const assertion of [noRepeatedCallsAssertion, loopTerminatesAssertion]) {
      expect(assertion.reads).toEqual(['agent-loop']);
      expect(judge(assertion, emptyOutcome())).toEqual({ passed: null, detail: 'no agent loop' });
      expect(judge(assertion, single([call('a')]))).toEqual({ passed: null, detail: 'no agent loop' });
      expect(judge(assertion, loop({ lastStatus: 500 }))).toEqual(notJudgedStatus(500));
      expect(judge(assertion, loop({ lastStatus: null }))).toEqual(notJudgedStatus(null));
    }
  });

  it('no-repeated-calls and loop-terminates', () => {
    expect(judge(noRepeatedCallsAssertion, loop())).toEqual({
      passed: true,
      detail: '1 call(s), none repeated',
    });
    expect(
      judge(noRepeatedCallsAssertion, loop({ calls: [call('a'), call('a'), call('a')], repeatedCalls: 2 })),
    ).toEqual({
      passed: false,
      detail: '2 of 3 calls repeated an earlier call with the same arguments',
    });
    expect(judge(loopTerminatesAssertion, loop())).toEqual({
      passed: true,
      detail: 'final answer after 2 iteration(s)',
    });
    expect(judge(loopTerminatesAssertion, loop({ hitGuard: true, iterations: 5 }))).toEqual({
      passed: false,
      detail: 'still calling tools after 5 iterations (max-iterations guard hit)',
    });
  });
});

describe('stream assertions', () => {
  it('need a stream answered with a 2xx', () => {
    for (const assertion of [streamCompleteAssertion, ttftRecordedAssertion]) {
      expect(assertion.reads).toEqual(['chat-stream']);
      expect(judge(assertion, emptyOutcome())).toEqual({ passed: null, detail: 'no stream' });
      expect(judge(assertion, stream({ status: 429 }))).toEqual(notJudgedStatus(429));
      expect(judge(assertion, stream({ status: 300 }))).toEqual(notJudgedStatus(300));
      expect(judge(assertion, stream({ status: 299 })).passed).toBe(true);
    }
  });

  it('stream-complete wants [DONE], a finish reason and usage', () => {
    expect(judge(streamCompleteAssertion, stream())).toEqual({
      passed: true,
      detail: 'stream complete: 12 tokens, finish_reason stop',
    });
    expect(judge(streamCompleteAssertion, stream({ outputTokens: 0 })).passed).toBe(true);
    expect(judge(streamCompleteAssertion, stream({ done: false, finishReason: null }))).toEqual({
      passed: false,
      detail: 'stream ended without data: [DONE]',
    });
    expect(judge(streamCompleteAssertion, stream({ finishReason: null, outputTokens: null }))).toEqual({
      passed: false,
      detail: 'no finish_reason on the last chunk',
    });
    expect(judge(streamCompleteAssertion, stream({ outputTokens: null }))).toEqual({
      passed: false,
      detail: 'no usage block on the last chunk',
    });
  });

  it('ttft-recorded wants a content event, within maxMs when given', () => {
    expect(judge(ttftRecordedAssertion, stream())).toEqual({ passed: true, detail: 'TTFT 123.5 ms' });
    expect(judge(ttftRecordedAssertion, stream({ ttftMs: null }))).toEqual({
      passed: false,
      detail: 'no content event arrived',
    });
    expect(judge(ttftRecordedAssertion, stream({ ttftMs: 250.4 }), { maxMs: 250 })).toEqual({
      passed: false,
      detail: 'TTFT 250 ms above 250 ms',
    });
    expect(judge(ttftRecordedAssertion, stream({ ttftMs: 250 }), { maxMs: 250 })).toEqual({
      passed: true,
      detail: 'TTFT 250.0 ms',
    });
    expect(judge(ttftRecordedAssertion, stream({ ttftMs: 900 }), { maxMs: '250' }).passed).toBe(true);
  });
});

describe('auth-timing-recorded', () => {
  const timing = (rightKeyMedianMs: number | null, wrongKeyMedianMs: number | null) =>
    observed({ kind: 'auth-timing', data: { rightKeyMedianMs, wrongKeyMedianMs, samples: 5 } });
  it('reports both medians, or is not applicable without them', () => {
    expect(authTimingRecordedAssertion.reads).toEqual(['auth-timing']);
    expect(judge(authTimingRecordedAssertion, timing(12.34, 8.06))).toEqual({
      passed: true,
      detail: 'median 12.3 ms with the right key, 8.1 ms with a wrong one',
    });
    const none = { passed: null, detail: 'no timings' };
    expect(judge(authTimingRecordedAssertion, emptyOutcome())).toEqual(none);
    expect(judge(authTimingRecordedAssertion, timing(null, 8))).toEqual(none);
    expect(judge(authTimingRecordedAssertion, timing(8, null))).toEqual(none);
  });
});
