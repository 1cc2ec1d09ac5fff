import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedServer } from '../__fixtures__/chat-answers.ts';
import { createTestContext, type TestServer } from '../__fixtures__/probe-test-context.ts';
import { envelopeAssertion, jsonBodyAssertion, requestIdAssertion } from '../assertions/http-assertions.ts';
import { authTimingRecordedAssertion } from '../assertions/llm-assertions.ts';
import { observationOf } from '../observation.ts';
import { authTimingKind } from './auth-timing.ts';
import { httpKind } from './http.ts';

/** The body Mistral sends for an unknown model (reference/mistral-real-errors.json), request id inside. */
const INVALID_MODEL = {
  object: 'error',
  message: 'Invalid model: agentscore-no-such-model-7f3a',
  type: 'invalid_model',
  param: null,
  code: '1500',
  request_id: '9b1c2f6e0a4d4f7e8c2b1a0f3e5d7c9b',
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('http kind', () => {
  it('sends the rendered request `times` times and keeps every exchange; JSON error bodies are parsed', async () => {
    const scripted = await startScriptedServer([{ status: 400, json: INVALID_MODEL }]);
    server = scripted;
    const { context } = createTestContext({
      baseUrl: scripted.baseUrl,
      probe: {
        kind: 'http',
        with: { times: 3 },
        request: { method: 'POST', path: '/v1/chat/completions', body: { model: '{{model}}', messages: [] } },
      },
    });
    const outcome = await httpKind.run(context);
    expect(outcome.exchanges.map((exchange) => exchange.status)).toEqual([400, 400, 400]);
    expect(scripted.requests[0]).toEqual({ model: 'mistral-small-latest', messages: [] });
    expect(jsonBodyAssertion.evaluate({}, outcome, {} as never).passed).toBe(true);
    // The request id is only in the parsed body: no header carries it.
    expect(requestIdAssertion.evaluate({}, outcome, {} as never).passed).toBe(true);
    expect(envelopeAssertion.evaluate({ in: ['openai-like'] }, outcome, {} as never)).toMatchObject({
      passed: true,
    });
  });

  it('a body cut mid-way is a failure of the probe, not evidence', async () => {
    const scripted = await startScriptedServer([
      (response) => {
        response.writeHead(400, { 'content-type': 'application/json', 'content-length': '500' });
        response.write('{"object": "error", "mess');
        response.destroy();
      },
    ]);
    server = scripted;
    const { context } = createTestContext({
      baseUrl: scripted.baseUrl,
      probe: { kind: 'http', with: { times: 2 }, request: { path: '/v1/models' } },
    });
    const outcome = await httpKind.run(context);
    expect(outcome.failure).toBeDefined();
    expect(outcome.exchanges).toHaveLength(1);
  });
});

describe('auth-timing kind', () => {
  it('times `samples` requests with the right key and as many with a wrong one', async () => {
    const scripted = await startScriptedServer([{ status: 200, json: { object: 'list', data: [] } }]);
    server = scripted;
    const { context } = createTestContext({
      baseUrl: scripted.baseUrl,
      probe: { kind: 'auth-timing', with: { samples: 3 } },
    });
    const outcome = await authTimingKind.run(context);
    expect(scripted.requests).toHaveLength(6);
    const timing = observationOf(outcome, 'auth-timing');
    expect(timing?.rightKeyMedianMs).toBeGreaterThan(0);
    expect(timing?.wrongKeyMedianMs).toBeGreaterThan(0);
    expect(authTimingRecordedAssertion.evaluate({}, outcome, {} as never).passed).toBe(true);
  });
});
