/**
 * @module Assertions on model behaviour: JSON mode, tool calls, agent loops, streams. Each judges only
 * the behaviour it is about: when the answer is not a usable 2xx (a 503, a 429, a refused request),
 * it answers `passed: null` and says why; availability and error checks judge such answers.
 */

import { publishedSpec } from '../../spec/target.ts';
import { type Assertion, type AssertionVerdict, fail, notApplicable, pass } from '../assertion.ts';
import type { AgentLoopObservations } from '../kinds/agent-loop.ts';
import type { JsonModeObservations } from '../kinds/json-mode.ts';
import type { JudgedCall } from '../kinds/tool-calling.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';

function isSuccess(status: number | null): status is number {
  return status !== null && status >= 200 && status < 300;
}

/** The verdict for behaviour that could not be seen because the answer was not a 2xx. */
export function notJudgedStatus(status: number | null): AssertionVerdict {
  if (status === null) return notApplicable('not judged: no answer (availability judges it)');
  const judge = status >= 500 ? 'availability judges it' : 'the status checks judge it';
  return notApplicable(`not judged: the answer was ${status}, not a 2xx (${judge})`);
}

function jsonMode(outcome: ProbeOutcome): JsonModeObservations | null {
  return observationOf(outcome, 'json-mode');
}

/** Calls from a single turn or a whole loop, or the verdict when there is nothing to judge. */
function callsOf(outcome: ProbeOutcome): JudgedCall[] | AssertionVerdict {
  const single = observationOf(outcome, 'tool-call');
  if (single) return isSuccess(single.status) ? single.calls : notJudgedStatus(single.status);
  const loop = observationOf(outcome, 'agent-loop');
  if (!loop) return notApplicable('no tool-call observations');
  return isSuccess(loop.lastStatus) ? loop.calls : notJudgedStatus(loop.lastStatus);
}

function judged(outcome: ProbeOutcome, judge: (calls: JudgedCall[]) => AssertionVerdict): AssertionVerdict {
  const calls = callsOf(outcome);
  return Array.isArray(calls) ? judge(calls) : calls;
}

/** The agent loop, when every turn was answered with a 2xx. */
function loopOf(outcome: ProbeOutcome): AgentLoopObservations | AssertionVerdict {
  const loop = observationOf(outcome, 'agent-loop');
  if (!loop) return notApplicable('no agent loop');
  return isSuccess(loop.lastStatus) ? loop : notJudgedStatus(loop.lastStatus);
}

export const jsonAcceptedAssertion: Assertion<'json-accepted'> = {
  name: 'json-accepted',
  reads: ['json-mode'],
  evaluate: (_params, outcome) => {
    const seen = jsonMode(outcome);
    if (!seen) return notApplicable('no JSON-mode observations');
    if (seen.accepted) return pass('response_format accepted');
    // A 4xx refuses the parameter; a 5xx or no answer says nothing about it.
    return seen.status !== null && seen.status >= 400 && seen.status < 500
      ? fail(`response_format refused with status ${seen.status}`)
      : notJudgedStatus(seen.status);
  },
};

export const jsonValidAssertion: Assertion<'json-valid'> = {
  name: 'json-valid',
  reads: ['json-mode'],
  evaluate: (_params, outcome) => {
    const seen = jsonMode(outcome);
    if (!seen) return notApplicable('no JSON-mode observations');
    if (!seen.accepted) return notJudgedStatus(seen.status);
    return seen.valid
      ? pass('content is one JSON document')
      : fail(`content is not JSON (${seen.failureForm}): ${seen.content.slice(0, 80)}`);
  },
};

export const schemaValidAssertion: Assertion<'schema-valid'> = {
  name: 'schema-valid',
  reads: ['json-mode'],
  evaluate: (_params, outcome) => {
    const seen = jsonMode(outcome);
    if (!seen) return notApplicable('no JSON-mode observations');
    if (!seen.accepted) return notJudgedStatus(seen.status);
    if (seen.schemaValid === null) return notApplicable('no schema to check against');
    return seen.schemaValid
      ? pass('content satisfies the schema')
      : fail(`schema violations: ${seen.schemaErrors.join('; ') || seen.failureForm}`);
  },
};

export const toolCalledAssertion: Assertion<'tool-called'> = {
  name: 'tool-called',
  reads: ['tool-call', 'agent-loop'],
  parameters: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate: (params, outcome) =>
    judged(outcome, (calls) => {
      const name = typeof params.name === 'string' ? params.name : null;
      if (calls.length === 0) return fail('no tool call although one was required');
      if (name && !calls.some((call) => call.name === name))
        return fail(`called ${calls.map((call) => call.name).join(', ')}, not ${name}`);
      return pass(`called ${calls.map((call) => call.name).join(', ')}`);
    }),
};

export const noToolCallAssertion: Assertion<'no-tool-call'> = {
  name: 'no-tool-call',
  reads: ['tool-call', 'agent-loop'],
  evaluate: (_params, outcome) =>
    judged(outcome, (calls) =>
      calls.length === 0
        ? pass('answered in text, no tool call')
        : fail(`called ${calls.map((call) => call.name).join(', ')} although no tool fits or tools were off`),
    ),
};

export const toolArgsValidAssertion: Assertion<'tool-args-valid'> = {
  name: 'tool-args-valid',
  reads: ['tool-call', 'agent-loop'],
  evaluate: (_params, outcome) =>
    judged(outcome, (calls) => {
      if (calls.length === 0) return notApplicable('no calls to judge');
      const bad = calls.filter((call) => !call.argumentsValid);
      return bad.length === 0
        ? pass(`${calls.length} call(s) with arguments valid against the tool's parameters`)
        : fail(
            `${bad.length}/${calls.length} call(s) with invalid arguments: ${bad.map((call) => `${call.name}: ${call.argumentErrors.join(', ') || 'unknown tool'}`).join('; ')}`,
          );
    }),
};

const MISTRAL_TOOL_ID = '^[a-zA-Z0-9]{9}$';
const ANY_TOOL_ID = '^\\S+$';

export const toolIdFormatAssertion: Assertion<'tool-id-format'> = {
  name: 'tool-id-format',
  reads: ['tool-call', 'agent-loop'],
  parameters: {
    type: 'object',
    properties: { pattern: { type: 'string', format: 'regex' } },
    additionalProperties: false,
  },
  evaluate: (params, outcome, context) =>
    judged(outcome, (calls) => {
      if (calls.length === 0) return notApplicable('no calls to judge');
      // Mistral's ids are 9 alphanumerics; elsewhere (OpenAI's call_…) an id only has to be one token.
      const held = publishedSpec(context.target) === 'mistral';
      const { pattern: source = held ? MISTRAL_TOOL_ID : ANY_TOOL_ID } = params as { pattern?: string };
      const pattern = new RegExp(source);
      const bad = calls.filter((call) => !pattern.test(call.id));
      return bad.length === 0
        ? pass(`tool-call ids match ${pattern.source}`)
        : fail(`ids ${bad.map((call) => JSON.stringify(call.id)).join(', ')} do not match ${pattern.source}`);
    }),
};

export const parallelCallsAssertion: Assertion<'parallel-calls'> = {
  name: 'parallel-calls',
  reads: ['tool-call', 'agent-loop'],
  parameters: {
    type: 'object',
    properties: { min: { type: 'integer', minimum: 2 } },
    additionalProperties: false,
  },
  evaluate: (params, outcome) =>
    judged(outcome, (calls) => {
      const { min: minimum = 2 } = params as { min?: number };
      return calls.length >= minimum
        ? pass(`${calls.length} calls in one turn`)
        : fail(`${calls.length} call(s) where ${minimum} independent calls were asked for`);
    }),
};

export const noRepeatedCallsAssertion: Assertion<'no-repeated-calls'> = {
  name: 'no-repeated-calls',
  reads: ['agent-loop'],
  evaluate: (_params, outcome) => {
    const loop = loopOf(outcome);
    if (!('calls' in loop)) return loop;
    return loop.repeatedCalls === 0
      ? pass(`${loop.calls.length} call(s), none repeated`)
      : fail(
          `${loop.repeatedCalls} of ${loop.calls.length} calls repeated an earlier call with the same arguments`,
        );
  },
};

export const loopTerminatesAssertion: Assertion<'loop-terminates'> = {
  name: 'loop-terminates',
  reads: ['agent-loop'],
  evaluate: (_params, outcome) => {
    const loop = loopOf(outcome);
    if (!('calls' in loop)) return loop;
    return loop.hitGuard
      ? fail(`still calling tools after ${loop.maxIterations} iterations (max-iterations guard hit)`)
      : pass(`final answer after ${loop.iterations} iteration(s)`);
  },
};

export const streamCompleteAssertion: Assertion<'stream-complete'> = {
  name: 'stream-complete',
  reads: ['chat-stream'],
  evaluate: (_params, outcome) => {
    const latency = observationOf(outcome, 'chat-stream');
    if (!latency) return notApplicable('no stream');
    if (!isSuccess(latency.status)) return notJudgedStatus(latency.status);
    if (!latency.done) return fail('stream ended without data: [DONE]');
    if (!latency.finishReason) return fail('no finish_reason on the last chunk');
    if (latency.outputTokens === null) return fail('no usage block on the last chunk');
    return pass(`stream complete: ${latency.outputTokens} tokens, finish_reason ${latency.finishReason}`);
  },
};

export const ttftRecordedAssertion: Assertion<'ttft-recorded'> = {
  name: 'ttft-recorded',
  reads: ['chat-stream'],
  parameters: {
    type: 'object',
    properties: { maxMs: { type: 'number', exclusiveMinimum: 0 } },
    additionalProperties: false,
  },
  evaluate: (params, outcome) => {
    const latency = observationOf(outcome, 'chat-stream');
    if (!latency) return notApplicable('no stream');
    if (!isSuccess(latency.status)) return notJudgedStatus(latency.status);
    if (latency.ttftMs === null) return fail('no content event arrived');
    const max = typeof params.maxMs === 'number' ? params.maxMs : null;
    if (max !== null && latency.ttftMs > max)
      return fail(`TTFT ${latency.ttftMs.toFixed(0)} ms above ${max} ms`);
    return pass(`TTFT ${latency.ttftMs.toFixed(1)} ms`);
  },
};

export const authTimingRecordedAssertion: Assertion<'auth-timing-recorded'> = {
  name: 'auth-timing-recorded',
  reads: ['auth-timing'],
  evaluate: (_params, outcome) => {
    const timing = observationOf(outcome, 'auth-timing');
    if (!timing || timing.rightKeyMedianMs === null || timing.wrongKeyMedianMs === null)
      return notApplicable('no timings');
    return pass(
      `median ${timing.rightKeyMedianMs.toFixed(1)} ms with the right key, ${timing.wrongKeyMedianMs.toFixed(1)} ms with a wrong one`,
    );
  },
};
