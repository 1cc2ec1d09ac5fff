import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../suite/create-ajv.ts';
import {
  createTestContext,
  sendJson,
  startTestServer,
  TEST_API_KEY,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { openAiSdkKind } from './openai-sdk.ts';

/** A server with no streaming (a JSON answer to everything) and Mistral's `{detail}` 401 body. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((request, _body, response) => {
    if (request.headers.authorization !== `Bearer ${TEST_API_KEY}`)
      return sendJson(response, 401, { detail: 'Unauthorized' });
    if (request.url === '/v1/models')
      return sendJson(response, 200, {
        object: 'list',
        data: [{ id: 'm', object: 'model', created: 1, owned_by: 'x' }],
      });
    sendJson(response, 200, {
      id: 'c',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
    });
  });
});
afterAll(() => server.close());

function run(
  scenario: string,
  baseUrl = server.baseUrl,
  extra: Record<string, unknown> = {},
): Promise<ProbeOutcome> {
  const { context } = createTestContext({
    baseUrl,
    probe: { kind: 'openai-sdk', with: { scenario, ...extra } },
  });
  return openAiSdkKind.run(context);
}

describe('openai-sdk kind', () => {
  it('records the step as observations and the SDK exchanges as evidence', async () => {
    const outcome = await run('chat');
    expect(outcome.observation?.kind).toBe('openai-sdk');
    expect(observationOf(outcome, 'openai-sdk')).toMatchObject({
      scenario: 'chat',
      ok: true,
      answer: { content: 'OK' },
    });
    expect(outcome.exchanges).toHaveLength(1);
    expect(outcome.exchanges[0]?.request.headers['user-agent']).toMatch(/^OpenAI\/JS/);
    expect(outcome.timings.e2eMs).toBeGreaterThan(0);
  });

  it('keeps a 401 as a judged step, not a failure of the probe', async () => {
    const outcome = await run('error-auth');
    expect(outcome.failure).toBeUndefined();
    expect(observationOf(outcome, 'openai-sdk')).toMatchObject({
      ok: false,
      error: { errorClass: 'AuthenticationError', status: 401, sdkErrorBody: null },
    });
  });

  it('skips streaming steps as not-supported when a stream request gets a JSON body', async () => {
    const outcome = await run('stream-text');
    expect(outcome.skip?.reason).toBe('not-supported');
    expect(outcome.skip?.detail).toMatch(/application\/json/);
  });

  it('skips the rate-limit step as not-applicable when the burst meets no 429', async () => {
    const outcome = await run('error-rate-limit', server.baseUrl, { maxRequests: 4, concurrency: 2 });
    expect(outcome.skip).toEqual({
      reason: 'not-applicable',
      detail: 'no 429 within 4 SDK requests: the target cannot be made to throttle cheaply',
    });
  });

  it("lets the run's own refusal (budget spent) through instead of judging it as an SDK connection error", async () => {
    const { context } = createTestContext({
      baseUrl: server.baseUrl,
      probe: { kind: 'openai-sdk', with: { scenario: 'error-rate-limit', maxRequests: 10 } },
    });
    let sent = 0;
    const spent = new Error('request budget of 3 spent');
    const budgeted = {
      ...context,
      send: async (...args: Parameters<typeof context.send>) => {
        sent += 1;
        if (sent > 3) throw spent;
        return context.send(...args);
      },
    };
    await expect(openAiSdkKind.run(budgeted)).rejects.toBe(spent);
  });

  it('errors with the transport reason when nothing answers, and its parameters refuse an unknown scenario', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    expect((await run('chat', closed.baseUrl)).failure?.reason).toBe('connection-refused');
    const validate = createAjv().compile(openAiSdkKind.parameters);
    expect(validate({ scenario: 'chat' })).toBe(true);
    expect(validate({ scenario: 'teleport' })).toBe(false);
    expect(validate({ scenario: 'chat', maxRequest: 3 })).toBe(false);
  });
});
