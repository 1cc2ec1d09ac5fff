import { describe, expect, it } from 'vitest';
import type {
  OpenAiSdkAnswer,
  OpenAiSdkError,
  OpenAiSdkScenario,
} from '../../providers/openai-sdk-driver.ts';
import type { Assertion, AssertionParams } from '../assertion.ts';
import { emptyOutcome, type ProbeOutcome } from '../probe-kind.ts';
import {
  openAiSdkAuthenticatedAssertion,
  openAiSdkErrorClassAssertion,
  openAiSdkErrorMessageSurfacedAssertion,
  openAiSdkOkAssertion,
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
