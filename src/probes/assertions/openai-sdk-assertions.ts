/** @module Assertions on the `openai-sdk` kind: each agent step works, the key works, errors arrive typed and readable. */
import type { OpenAiSdkAnswer, OpenAiSdkError, OpenAiSdkStep } from '../../providers/openai-sdk-driver.ts';
import type { AssertionName } from '../../spec/suite.ts';
import {
  type Assertion,
  type AssertionParams,
  type AssertionVerdict,
  fail,
  notApplicable,
  pass,
} from '../assertion.ts';
import { observationOf } from '../observation.ts';
import type { ParameterSchema } from '../probe-kind.ts';

/** Headers APIs put their request id in; the SDK reads only the first. */
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'mistral-correlation-id', 'x-kong-request-id'];

function stepAssertion<Name extends AssertionName>(
  name: Name,
  judge: (params: AssertionParams, step: OpenAiSdkStep) => AssertionVerdict,
  parameters?: ParameterSchema,
): Assertion<Name> {
  return {
    name,
    reads: ['openai-sdk'],
    ...(parameters ? { parameters } : {}),
    evaluate: (params, outcome) => {
      const step = observationOf(outcome, 'openai-sdk');
      return step ? judge(params, step) : notApplicable('no OpenAI SDK step observed');
    },
  };
}

/** The SDK's own words for what went wrong, as an agent's log would show them. */
export function sdkErrorText(error: OpenAiSdkError): string {
  return `${error.errorClass}${error.status === null ? '' : ` (${error.status})`}: ${error.message}`;
}

function requestIdText(error: OpenAiSdkError): string {
  if (error.requestId) return `request id ${error.requestId}`;
  const header = REQUEST_ID_HEADERS.find((name) => error.headers[name]);
  return header
    ? `e.request_id empty (no x-request-id); the API's id is in ${header}: ${error.headers[header]}`
    : 'no request id';
}

function parsesAsJsonObject(content: string | null): boolean {
  if (content === null) return false;
  try {
    const value: unknown = JSON.parse(content);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** What a successful step must have brought back; null when it did. */
export function missingFromAnswer(step: OpenAiSdkStep & { ok: true }): string | null {
  const answer: OpenAiSdkAnswer = step.answer;
  const hasText = (answer.content ?? '').trim() !== '';
  switch (step.scenario) {
    case 'chat':
    case 'stream-text':
      return hasText ? null : 'no assistant text came back';
    case 'stream-tool-call':
      return answer.toolCalls.length > 0 ? null : 'the forced tool call did not come back';
    case 'tool-round-trip':
      if (answer.toolCalls.length === 0) return 'the forced tool call did not come back';
      return hasText && answer.finishReason !== 'tool_calls'
        ? null
        : 'no final answer after the tool result was fed back';
    case 'json-object':
      return parsesAsJsonObject(answer.content) ? null : `content is not one JSON object: ${answer.content}`;
    case 'json-schema':
      return answer.parsed !== null && typeof answer.parsed === 'object'
        ? null
        : 'parse() gave no parsed object';
    case 'models':
      return (answer.modelIds ?? []).length > 0 ? null : 'the models list is empty';
    default:
      return null;
  }
}

function answerSummary(step: OpenAiSdkStep & { ok: true }): string {
  const { answer } = step;
  if (answer.modelIds) return `${answer.modelIds.length} models (${answer.modelIds.slice(0, 5).join(', ')})`;
  const calls = answer.toolCalls.map((call) => `${call.name}(${call.arguments})`).join(', ');
  return [
    calls && `tool calls ${calls}`,
    answer.content !== null && `content ${JSON.stringify(answer.content)}`,
  ]
    .filter(Boolean)
    .join('; ');
}

export const openAiSdkOkAssertion = stepAssertion('openai-sdk-ok', (_params, step) => {
  if (!step.ok) return fail(sdkErrorText(step.error));
  if (step.scenario.startsWith('error-'))
    return notApplicable('an error scenario: see openai-sdk-error-class');
  const missing = missingFromAnswer(step);
  return missing
    ? fail(`${step.scenario}: ${missing}`)
    : pass(`${step.scenario} in ${Math.round(step.durationMs)} ms: ${answerSummary(step)}`);
});

/** The key works through the SDK with nothing but `baseURL` and `apiKey`. */
export const openAiSdkAuthenticatedAssertion = stepAssertion('openai-sdk-authenticated', (_params, step) => {
  if (step.ok) return pass('the key works through the SDK (baseURL and apiKey only)');
  const { error } = step;
  return error.status === 401 || error.status === 403
    ? fail(`the SDK's request with the key was refused: ${sdkErrorText(error)}`)
    : pass(
        `the key was accepted (the step failed otherwise: ${`${error.errorClass} ${error.status ?? ''}`.trim()})`,
      );
});

function listParam(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined ? null : [String(value)];
}

/** The API's error becomes the SDK class an agent catches (`AuthenticationError` for 401, ...). */
export const openAiSdkErrorClassAssertion = stepAssertion(
  'openai-sdk-error-class',
  (params, step) => {
    const classes = listParam(params.expectClass);
    const statuses = listParam(params.expectStatus)?.map(Number) ?? null;
    if (step.ok) return fail(`the call succeeded; expected ${classes?.join(' or ') ?? 'an error'}`);
    const { error } = step;
    const problems: string[] = [];
    if (classes && !classes.includes(error.errorClass)) problems.push(`expected ${classes.join(' or ')}`);
    if (statuses && (error.status === null || !statuses.includes(error.status)))
      problems.push(`expected status ${statuses.join(' or ')}`);
    const text = `${sdkErrorText(error)}; ${requestIdText(error)}`;
    return problems.length === 0 ? pass(text) : fail(`${text} (${problems.join('; ')})`);
  },
  {
    type: 'object',
    properties: {
      expectClass: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
      expectStatus: {
        oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1 }],
      },
    },
    additionalProperties: false,
  },
);

/**
 * The SDK shows the provider's explanation (`e.error`, `e.message`), naming `mentions` when given.
 * The SDK keeps only a body's `error` key; an envelope without one arrives as "N status code (no body)".
 */
export const openAiSdkErrorMessageSurfacedAssertion = stepAssertion(
  'openai-sdk-error-message-surfaced',
  (params, step) => {
    if (step.ok) return notApplicable('the call succeeded: no error to read');
    const { error } = step;
    if (error.status === null) return notApplicable(`no HTTP error: ${sdkErrorText(error)}`);
    const mentions = typeof params.mentions === 'string' ? params.mentions.toLowerCase() : null;
    const said = `${error.message} ${error.sdkErrorBody ?? ''}`.toLowerCase();
    if (error.sdkErrorBody === null) {
      return fail(
        `the SDK said "${error.message}" (e.error is undefined: the body has no "error" key); the API sent ${error.responseBody || 'no body'}`,
      );
    }
    if (mentions && !said.includes(mentions)) {
      return fail(
        `the SDK said "${error.message}", which does not name ${mentions}; e.error: ${error.sdkErrorBody}`,
      );
    }
    return pass(`the SDK said "${error.message}"`);
  },
  { type: 'object', properties: { mentions: { type: 'string', minLength: 1 } }, additionalProperties: false },
);
