import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import { MISTRAL_CONTEXT, OPENAI_COMPATIBLE_CONTEXT } from '../__fixtures__/assertion-contexts.ts';
import { emptyOutcome, type ProbeOutcome } from '../probe-kind.ts';
import { responseShapeConformanceAssertion } from './shape-assertions.ts';

const CONTEXT = MISTRAL_CONTEXT;
/** `usage` is closed in the spec: fields added there are undeclared. */
const chatBody = (extra: Record<string, unknown> = {}, usageExtra: Record<string, unknown> = {}) => ({
  id: 'cmpl-1',
  object: 'chat.completion',
  model: 'mistral-small-latest',
  created: 1700000000,
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, ...usageExtra },
  choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
  ...extra,
});
/** The spec's ModelList example shape (as in spec-conformance.test.ts). */
const modelList = {
  object: 'list',
  data: [
    {
      id: 'mistral-small-2506',
      object: 'model',
      created: 1759500189,
      owned_by: 'mistralai',
      capabilities: { completion_chat: true, function_calling: true, vision: true },
      name: 'mistral-small-2506',
      description: 'Our latest enterprise-grade small model.',
      max_context_length: 131072,
      aliases: ['mistral-small-latest'],
      deprecation: null,
      deprecation_replacement_model: null,
      default_model_temperature: 0.3,
      type: 'base',
    },
  ],
};

function exchange(
  path: string,
  status: number | null,
  body: unknown,
  options: { method?: string; sse?: boolean; json?: boolean } = {},
): ProviderExchange {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: { method: options.method ?? 'POST', url: `http://127.0.0.1${path}`, headers: {} },
    status,
    headers: {},
    bodyText,
    bodyBytes: bodyText.length,
    ...(options.json ? { json: body } : {}),
    ...(options.sse ? { sse: [{ data: bodyText, atMs: 1 }] } : {}),
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
  };
}
const outcome = (...exchanges: ProviderExchange[]): ProbeOutcome => ({ ...emptyOutcome(), exchanges });
const judge = (observed: ProbeOutcome, params: Record<string, unknown> = {}) =>
  responseShapeConformanceAssertion.evaluate(params, observed, CONTEXT);
const NOTHING = { passed: null, detail: 'no successful non-streaming JSON answer to validate' };

describe('response-shape-conformance', () => {
  it('validates a chat completion by its path and a model list by GET /models', () => {
    expect(judge(outcome(exchange('/v1/chat/completions', 200, chatBody())))).toEqual({
      passed: true,
      detail: 'ChatCompletionResponse conform to the published spec',
    });
    expect(judge(outcome(exchange('/v1/models', 200, modelList, { method: 'GET' })))).toEqual({
      passed: true,
      detail: 'ModelList conform to the published spec',
    });
    // Each schema named once, in the order met.
    expect(
      judge(
        outcome(
          exchange('/v1/models?x=1', 299, modelList, { method: 'GET' }),
          exchange('/v1/chat/completions', 200, chatBody(), { json: true }),
          exchange('/v1/models', 200, modelList, { method: 'GET' }),
        ),
      ).detail,
    ).toBe('ModelList, ChatCompletionResponse conform to the published spec');
  });

  it('judges only 2xx, non-streaming JSON answers on a known path', () => {
    const bad = { choices: 'none' };
    expect(judge(outcome())).toEqual(NOTHING);
    for (const status of [null, 199, 300, 400, 500]) {
      expect(judge(outcome(exchange('/v1/chat/completions', status, bad))), String(status)).toEqual(NOTHING);
    }
    expect(judge(outcome(exchange('/v1/chat/completions', 200, bad, { sse: true })))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/chat/completions', 200, 'not json')))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/models', 200, bad)))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/models/m', 200, bad, { method: 'GET' })))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/chat/completions/x', 200, bad)))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/embeddings', 200, bad)))).toEqual(NOTHING);
    expect(judge(outcome(exchange('/v1/chat/completions', 200, bad))).passed).toBe(false);
  });

  it('fails on the first answer that breaks its schema, naming the errors', () => {
    const verdict = judge(
      outcome(
        exchange('/v1/chat/completions', 200, chatBody()),
        exchange('/v1/chat/completions', 200, chatBody({ created: 'yesterday' })),
      ),
    );
    expect(verdict).toEqual({ passed: false, detail: 'ChatCompletionResponse: /created must be integer' });
    expect(
      judge(outcome(exchange('/v1/chat/completions', 200, chatBody({ created: 'x', model: 5 })))).detail,
    ).toBe('ChatCompletionResponse: /model must be string; /created must be integer');
  });

  it('lists up to six fields the spec does not declare', () => {
    const extra = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => [`x_${name}`, 1]));
    expect(judge(outcome(exchange('/v1/chat/completions', 200, chatBody({}, extra))))).toEqual({
      passed: true,
      detail:
        'ChatCompletionResponse conform to the published spec; fields the spec does not declare: /usage/x_a, /usage/x_b, /usage/x_c, /usage/x_d, /usage/x_e, /usage/x_f',
    });
    expect(
      judge(
        outcome(
          exchange('/v1/chat/completions', 200, chatBody({}, { x_a: 1 })),
          exchange('/v1/chat/completions', 200, chatBody({}, { x_a: 2, x_b: 1 })),
        ),
      ).detail,
    ).toBe(
      'ChatCompletionResponse conform to the published spec; fields the spec does not declare: /usage/x_a, /usage/x_b',
    );
  });

  it('validates against a named schema on any path, and refuses an unknown one', () => {
    expect(judge(outcome(exchange('/v1/anything', 200, modelList)), { schema: 'ModelList' })).toEqual({
      passed: true,
      detail: 'ModelList conform to the published spec',
    });
    expect(
      judge(outcome(exchange('/v1/chat/completions', 200, { object: 'list', data: 5 })), {
        schema: 'ModelList',
      }).detail,
    ).toMatch(/^ModelList: \/data must be array/);
    expect(judge(outcome(exchange('/v1/chat/completions', 200, chatBody())), { schema: 'Nope' })).toEqual({
      passed: null,
      detail: 'unknown spec schema Nope (known: ChatCompletionResponse, ModelList)',
    });
    // A schema that is not a string is ignored: the path decides.
    expect(judge(outcome(exchange('/v1/chat/completions', 200, chatBody())), { schema: 3 }).passed).toBe(
      true,
    );
  });

  it("is not judged for a target not held to Mistral's spec: an OpenAI-style list is not a defect there", () => {
    const openAiList = {
      object: 'list',
      data: [{ id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' }],
    };
    const observed = outcome(exchange('/v1/models', 200, openAiList, { method: 'GET' }));
    expect(judge(observed).passed).toBe(false);
    expect(responseShapeConformanceAssertion.evaluate({}, observed, OPENAI_COMPATIBLE_CONTEXT)).toEqual({
      passed: null,
      detail:
        "not judged: the target is not held to Mistral's published spec (spec: none; --spec mistral holds it)",
    });
  });
});
