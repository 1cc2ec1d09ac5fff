import { describe, expect, it } from 'vitest';
import type {
  OpenAiSdkAnswer,
  OpenAiSdkError,
  OpenAiSdkScenario,
} from '../../providers/openai-sdk-driver.ts';
import type { Assertion, AssertionParams } from '../assertion.ts';
import { emptyOutcome, type ProbeOutcome } from '../probe-kind.ts';
import {
  missingFromAnswer,
  openAiSdkAuthenticatedAssertion,
  openAiSdkErrorClassAssertion,
  openAiSdkErrorMessageSurfacedAssertion,
  openAiSdkOkAssertion,
  sdkErrorText,
} from './openai-sdk-assertions.ts';

function answered(scenario: OpenAiSdkScenario, answer: Partial<OpenAiSdkAnswer>): ProbeOutcome {
  const outcome = emptyOutcome();
  outcome.observation = {
    kind: 'openai-sdk',
    data: {
      scenario,
      durationMs: 12,
      ok: true,
      answer: { content: null, toolCalls: [], finishReason: 'stop', requestId: null, ...answer },
    },
  };
  return outcome;
}

/** Mistral's 422 for temperature 50, as the SDK reports it (reference/mistral-real-errors.json). */
const MISTRAL_422: OpenAiSdkError = {
  errorClass: 'UnprocessableEntityError',
  status: 422,
  requestId: null,
  headers: { 'mistral-correlation-id': '01a2-corr' },
  message: '422 status code (no body)',
  sdkErrorBody: null,
  responseBody: '{"object":"error","message":{"detail":[{"loc":["body","temperature"]}]}}',
  transport: null,
};
const OPENAI_400: OpenAiSdkError = {
  ...MISTRAL_422,
  errorClass: 'BadRequestError',
  status: 400,
  requestId: 'req_1',
  message: "400 Invalid 'temperature': decimal above maximum value.",
  sdkErrorBody: '{"message":"Invalid \'temperature\': decimal above maximum value.","param":"temperature"}',
};

function failed(scenario: OpenAiSdkScenario, error: OpenAiSdkError): ProbeOutcome {
  const outcome = emptyOutcome();
  outcome.observation = { kind: 'openai-sdk', data: { scenario, durationMs: 3, ok: false, error } };
  return outcome;
}

const judge = (assertion: Assertion, outcome: ProbeOutcome, params: AssertionParams = {}) =>
  assertion.evaluate(params, outcome, {} as never);

describe('openai-sdk assertions', () => {
  it('openai-sdk-ok judges what each step must bring back', () => {
    expect(judge(openAiSdkOkAssertion, answered('chat', { content: 'OK' })).passed).toBe(true);
    expect(judge(openAiSdkOkAssertion, answered('chat', { content: '' })).passed).toBe(false);
    expect(judge(openAiSdkOkAssertion, answered('json-object', { content: '```json\n{}\n```' })).passed).toBe(
      false,
    );
    expect(judge(openAiSdkOkAssertion, answered('json-object', { content: '{"a":1}' })).passed).toBe(true);
    expect(judge(openAiSdkOkAssertion, answered('json-schema', { parsed: null })).passed).toBe(false);
    const call = { name: 'get_weather', arguments: '{}' };
    expect(
      judge(openAiSdkOkAssertion, answered('tool-round-trip', { toolCalls: [call], content: 'Sunny.' }))
        .passed,
    ).toBe(true);
    expect(
      judge(
        openAiSdkOkAssertion,
        answered('tool-round-trip', { toolCalls: [call], content: '', finishReason: 'tool_calls' }),
      ).passed,
    ).toBe(false);
    expect(judge(openAiSdkOkAssertion, answered('models', { modelIds: [] })).passed).toBe(false);
  });

  it("openai-sdk-ok fails with the SDK's own error text as evidence", () => {
    const streamError = {
      ...MISTRAL_422,
      errorClass: 'OpenAIError',
      status: null,
      message: 'missing choices[0].tool_calls[0].type',
    };
    expect(judge(openAiSdkOkAssertion, failed('stream-tool-call', streamError))).toEqual({
      passed: false,
      detail: 'OpenAIError: missing choices[0].tool_calls[0].type',
    });
    expect(judge(openAiSdkOkAssertion, emptyOutcome()).passed).toBeNull();
  });

  it('openai-sdk-authenticated fails only when the key itself is refused', () => {
    expect(judge(openAiSdkAuthenticatedAssertion, answered('chat', { content: 'OK' })).passed).toBe(true);
    const refused = { ...MISTRAL_422, errorClass: 'AuthenticationError', status: 401 };
    expect(judge(openAiSdkAuthenticatedAssertion, failed('chat', refused)).passed).toBe(false);
    expect(judge(openAiSdkAuthenticatedAssertion, failed('chat', MISTRAL_422)).passed).toBe(true);
  });

  it('openai-sdk-error-class wants the named class and status, and names where the request id went', () => {
    const params = { expectClass: ['BadRequestError', 'UnprocessableEntityError'], expectStatus: [400, 422] };
    const mistral = judge(openAiSdkErrorClassAssertion, failed('error-bad-request', MISTRAL_422), params);
    expect(mistral.passed).toBe(true);
    expect(mistral.detail).toContain('mistral-correlation-id: 01a2-corr');
    const auth = { expectClass: 'AuthenticationError', expectStatus: 401 };
    expect(judge(openAiSdkErrorClassAssertion, failed('error-auth', MISTRAL_422), auth).passed).toBe(false);
    expect(judge(openAiSdkErrorClassAssertion, answered('error-auth', {}), auth).passed).toBe(false);
  });

  it('openai-sdk-error-message-surfaced passes only when e.error carries the message naming the field', () => {
    const params = { mentions: 'temperature' };
    const mistral = judge(
      openAiSdkErrorMessageSurfacedAssertion,
      failed('error-bad-request', MISTRAL_422),
      params,
    );
    expect(mistral.passed).toBe(false);
    expect(mistral.detail).toContain('"422 status code (no body)"');
    expect(mistral.detail).toContain('loc');
    expect(
      judge(openAiSdkErrorMessageSurfacedAssertion, failed('error-bad-request', OPENAI_400), params).passed,
    ).toBe(true);
    const vague = { ...OPENAI_400, message: '400 Bad input', sdkErrorBody: '{"message":"Bad input"}' };
    expect(
      judge(openAiSdkErrorMessageSurfacedAssertion, failed('error-bad-request', vague), params).passed,
    ).toBe(false);
    expect(judge(openAiSdkErrorMessageSurfacedAssertion, answered('chat', {})).passed).toBeNull();
  });
});

describe('openai-sdk assertions: details and edges', () => {
  const NONE = { passed: null, detail: 'no OpenAI SDK step observed' };

  it('every assertion reads the openai-sdk observation and is not applicable without one', () => {
    for (const assertion of [
      openAiSdkOkAssertion,
      openAiSdkAuthenticatedAssertion,
      openAiSdkErrorClassAssertion,
      openAiSdkErrorMessageSurfacedAssertion,
    ]) {
      expect(assertion.reads).toEqual(['openai-sdk']);
      expect(judge(assertion, emptyOutcome())).toEqual(NONE);
    }
    expect('parameters' in openAiSdkOkAssertion).toBe(false);
    expect(openAiSdkErrorClassAssertion.parameters).toBeDefined();
  });

  it('sdkErrorText and missingFromAnswer', () => {
    expect(sdkErrorText(MISTRAL_422)).toBe('UnprocessableEntityError (422): 422 status code (no body)');
    expect(sdkErrorText({ ...MISTRAL_422, status: null })).toBe(
      'UnprocessableEntityError: 422 status code (no body)',
    );
    const missing = (scenario: OpenAiSdkScenario, answer: Partial<OpenAiSdkAnswer>) => {
      const step = answered(scenario, answer).observation?.data as Parameters<typeof missingFromAnswer>[0];
      return missingFromAnswer(step);
    };
    const call = { name: 'f', arguments: '{}' };
    expect(missing('chat', { content: '  ' })).toBe('no assistant text came back');
    expect(missing('chat', { content: null })).toBe('no assistant text came back');
    expect(missing('stream-text', { content: ' x ' })).toBeNull();
    expect(missing('stream-text', { content: '' })).toBe('no assistant text came back');
    expect(missing('stream-tool-call', {})).toBe('the forced tool call did not come back');
    expect(missing('stream-tool-call', { toolCalls: [call] })).toBeNull();
    expect(missing('tool-round-trip', { content: 'x' })).toBe('the forced tool call did not come back');
    expect(missing('tool-round-trip', { toolCalls: [call], content: 'x', finishReason: 'tool_calls' })).toBe(
      'no final answer after the tool result was fed back',
    );
    expect(missing('tool-round-trip', { toolCalls: [call], content: ' ', finishReason: 'stop' })).toBe(
      'no final answer after the tool result was fed back',
    );
    expect(missing('json-object', { content: null })).toBe('content is not one JSON object: null');
    expect(missing('json-object', { content: '[1]' })).toBe('content is not one JSON object: [1]');
    expect(missing('json-object', { content: 'null' })).toBe('content is not one JSON object: null');
    expect(missing('json-object', { content: '3' })).toBe('content is not one JSON object: 3');
    expect(missing('json-schema', { parsed: { a: 1 } })).toBeNull();
    expect(missing('json-schema', { parsed: 'text' })).toBe('parse() gave no parsed object');
    expect(missing('json-schema', {})).toBe('parse() gave no parsed object');
    expect(missing('models', {})).toBe('the models list is empty');
    expect(missing('models', { modelIds: ['m'] })).toBeNull();
    expect(missing('error-auth', {})).toBeNull();
  });

  it('openai-sdk-ok summarises the answer, and leaves error scenarios to the error checks', () => {
    expect(judge(openAiSdkOkAssertion, answered('chat', { content: 'OK' }))).toEqual({
      passed: true,
      detail: 'chat in 12 ms: content "OK"',
    });
    const calls = [
      { name: 'f', arguments: '{"a":1}' },
      { name: 'g', arguments: '{}' },
    ];
    expect(judge(openAiSdkOkAssertion, answered('stream-tool-call', { toolCalls: calls }))).toEqual({
      passed: true,
      detail: 'stream-tool-call in 12 ms: tool calls f({"a":1}), g({})',
    });
    expect(
      judge(
        openAiSdkOkAssertion,
        answered('tool-round-trip', { toolCalls: calls.slice(0, 1), content: 'Done' }),
      ).detail,
    ).toBe('tool-round-trip in 12 ms: tool calls f({"a":1}); content "Done"');
    expect(
      judge(openAiSdkOkAssertion, answered('models', { modelIds: ['a', 'b', 'c', 'd', 'e', 'f'] })).detail,
    ).toBe('models in 12 ms: 6 models (a, b, c, d, e)');
    expect(judge(openAiSdkOkAssertion, answered('json-schema', { parsed: {} })).detail).toBe(
      'json-schema in 12 ms: ',
    );
    expect(judge(openAiSdkOkAssertion, answered('chat', { content: '' }))).toEqual({
      passed: false,
      detail: 'chat: no assistant text came back',
    });
    expect(judge(openAiSdkOkAssertion, answered('error-rate-limit', { requestsSent: 3 }))).toEqual({
      passed: null,
      detail: 'an error scenario: see openai-sdk-error-class',
    });
    expect(judge(openAiSdkOkAssertion, failed('error-auth', MISTRAL_422)).passed).toBe(false);
  });

  it('openai-sdk-authenticated: 401 and 403 are refusals; other failures say the key was accepted', () => {
    expect(judge(openAiSdkAuthenticatedAssertion, answered('chat', { content: 'OK' }))).toEqual({
      passed: true,
      detail: 'the key works through the SDK (baseURL and apiKey only)',
    });
    for (const status of [401, 403]) {
      expect(
        judge(openAiSdkAuthenticatedAssertion, failed('chat', { ...MISTRAL_422, errorClass: 'E', status })),
      ).toEqual({
        passed: false,
        detail: `the SDK's request with the key was refused: E (${status}): 422 status code (no body)`,
      });
    }
    expect(judge(openAiSdkAuthenticatedAssertion, failed('chat', MISTRAL_422))).toEqual({
      passed: true,
      detail: 'the key was accepted (the step failed otherwise: UnprocessableEntityError 422)',
    });
    expect(
      judge(openAiSdkAuthenticatedAssertion, failed('chat', { ...MISTRAL_422, status: null })).detail,
    ).toBe('the key was accepted (the step failed otherwise: UnprocessableEntityError)');
    expect(
      judge(openAiSdkAuthenticatedAssertion, failed('chat', { ...MISTRAL_422, status: 402 })).passed,
    ).toBe(true);
  });

  it('openai-sdk-error-class details: class, status, request id or the header holding it', () => {
    const judgeError = (error: OpenAiSdkError, params: AssertionParams = {}) =>
      judge(openAiSdkErrorClassAssertion, failed('error-bad-request', error), params);
    expect(judgeError(OPENAI_400)).toEqual({
      passed: true,
      detail:
        "BadRequestError (400): 400 Invalid 'temperature': decimal above maximum value.; request id req_1",
    });
    expect(judgeError(MISTRAL_422, { expectClass: 'UnprocessableEntityError', expectStatus: 422 })).toEqual({
      passed: true,
      detail:
        "UnprocessableEntityError (422): 422 status code (no body); e.request_id empty (no x-request-id); the API's id is in mistral-correlation-id: 01a2-corr",
    });
    const bare = { ...MISTRAL_422, headers: {} };
    expect(judgeError(bare).detail).toBe(
      'UnprocessableEntityError (422): 422 status code (no body); no request id',
    );
    expect(
      judgeError({ ...MISTRAL_422, headers: { 'request-id': 'r', 'x-kong-request-id': 'k' } }).detail,
    ).toContain("the API's id is in request-id: r");
    expect(
      judgeError({ ...MISTRAL_422, headers: { 'x-request-id': '', 'x-kong-request-id': 'k' } }).detail,
    ).toContain("the API's id is in x-kong-request-id: k");
    expect(judgeError(bare, { expectClass: ['A', 'B'], expectStatus: [400, 401] })).toEqual({
      passed: false,
      detail:
        'UnprocessableEntityError (422): 422 status code (no body); no request id (expected A or B; expected status 400 or 401)',
    });
    expect(judgeError(bare, { expectStatus: 400 }).detail).toBe(
      'UnprocessableEntityError (422): 422 status code (no body); no request id (expected status 400)',
    );
    expect(judgeError({ ...bare, status: null }, { expectStatus: 422 }).passed).toBe(false);
    expect(judgeError(bare, { expectStatus: '422' }).passed).toBe(true);
    expect(judge(openAiSdkErrorClassAssertion, answered('error-auth', {}), { expectClass: 'A' })).toEqual({
      passed: false,
      detail: 'the call succeeded; expected A',
    });
    expect(
      judge(openAiSdkErrorClassAssertion, answered('error-auth', {}), { expectClass: ['A', 'B'] }).detail,
    ).toBe('the call succeeded; expected A or B');
    expect(judge(openAiSdkErrorClassAssertion, answered('error-auth', {}))).toEqual({
      passed: false,
      detail: 'the call succeeded; expected an error',
    });
  });

  it('openai-sdk-error-message-surfaced details', () => {
    const judgeError = (error: OpenAiSdkError, params: AssertionParams = {}) =>
      judge(openAiSdkErrorMessageSurfacedAssertion, failed('error-bad-request', error), params);
    expect(judge(openAiSdkErrorMessageSurfacedAssertion, answered('chat', {}))).toEqual({
      passed: null,
      detail: 'the call succeeded: no error to read',
    });
    expect(
      judgeError({ ...MISTRAL_422, status: null, errorClass: 'APIConnectionError', message: 'reset' }),
    ).toEqual({
      passed: null,
      detail: 'no HTTP error: APIConnectionError: reset',
    });
    expect(judgeError(MISTRAL_422)).toEqual({
      passed: false,
      detail: `the SDK said "422 status code (no body)" (e.error is undefined: the body has no "error" key); the API sent ${MISTRAL_422.responseBody}`,
    });
    expect(judgeError({ ...MISTRAL_422, responseBody: '' }).detail).toContain('the API sent no body');
    expect(judgeError(OPENAI_400)).toEqual({
      passed: true,
      detail: `the SDK said "400 Invalid 'temperature': decimal above maximum value."`,
    });
    // The wanted word may be in the message or only in e.error, in any case.
    const inBody = { ...OPENAI_400, message: '400 Bad input', sdkErrorBody: '{"param":"Temperature"}' };
    expect(judgeError(inBody, { mentions: 'TEMPERATURE' }).passed).toBe(true);
    expect(
      judgeError({ ...inBody, sdkErrorBody: '{}', message: '400 TEMPERATURE' }, { mentions: 'temperature' })
        .passed,
    ).toBe(true);
    expect(judgeError({ ...inBody, sdkErrorBody: '{}' }, { mentions: 'temperature' })).toEqual({
      passed: false,
      detail: 'the SDK said "400 Bad input", which does not name temperature; e.error: {}',
    });
    expect(judgeError({ ...inBody, sdkErrorBody: '{}' }, { mentions: 5 }).passed).toBe(true);
  });
});
