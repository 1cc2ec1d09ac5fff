import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  TEST_API_KEY,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import type { AssertionParams } from '../assertion.ts';
import {
  sdkCallOkAssertion,
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkLicencesKnownAssertion,
  sdkTypedErrorAssertion,
} from '../assertions/sdk-assertions.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { isSdkCallObservations, isSdkDependencyObservations, sdkKind, UNKNOWN_MODEL } from './sdk.ts';

/** Bodies as Mistral sends them (reference/mistral-real-errors.json, mistral-real-streams.json). */
const UNAUTHORIZED = { message: 'Unauthorized', request_id: 'c61f2f15feca71626a990e3740f99245' };
const INVALID_MODEL = {
  object: 'error',
  message: `Invalid model: ${UNKNOWN_MODEL}`,
  type: 'invalid_model',
  param: null,
  code: '1500',
};
const COMPLETION = {
  id: 'b761ad55fe0145d3a5e478a080930232',
  object: 'chat.completion',
  created: 1728462827,
  model: 'mistral-small-2506',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'OK', tool_calls: null }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 12, total_tokens: 13, completion_tokens: 1 },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((request, body, response) => {
    if (request.headers.authorization !== `Bearer ${TEST_API_KEY}`)
      return sendJson(response, 401, UNAUTHORIZED);
    const chat = JSON.parse(body.toString('utf8')) as { model: string; temperature?: number };
    if (chat.model === UNKNOWN_MODEL) return sendJson(response, 400, INVALID_MODEL);
    if ((chat.temperature ?? 0) > 1.5) {
      const detail = [
        {
          type: 'less_than_equal',
          loc: ['body', 'temperature'],
          msg: 'Input should be less than or equal to 1.5',
          input: chat.temperature,
        },
      ];
      return sendJson(response, 422, {
        object: 'error',
        message: { detail },
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    }
    sendJson(response, 200, COMPLETION);
  });
});
afterAll(() => server.close());

async function runScenario(
  scenario: string,
  extra: Record<string, unknown> = {},
  baseUrl = server.baseUrl,
): Promise<ProbeOutcome> {
  const { context } = createTestContext({
    baseUrl,
    provider: 'mistral',
    probe: { kind: 'sdk', with: { scenario, ...extra } },
  });
  return sdkKind.run(context);
}

const verdict = (assertion: typeof sdkCallOkAssertion, outcome: ProbeOutcome, params: AssertionParams = {}) =>
  assertion.evaluate(params, outcome, {} as never);

describe('sdk kind', () => {
  it('auth-works: a chat call with the real key succeeds', async () => {
    const outcome = await runScenario('auth-works');
    expect(isSdkCallObservations(outcome.observations)).toBe(true);
    expect(outcome.observations).toMatchObject({ scenario: 'auth-works', ok: true });
    expect(verdict(sdkCallOkAssertion, outcome).passed).toBe(true);
  });

  it('wrong-key: the SDK throws a typed 401', async () => {
    const outcome = await runScenario('wrong-key');
    expect(outcome.observations).toMatchObject({ ok: false, statusCode: 401, hasTypedFields: true });
    expect(outcome.observations.errorClass).not.toBe('Error');
    expect(verdict(sdkTypedErrorAssertion, outcome, { expectStatus: 401 })).toMatchObject({ passed: true });
    expect(verdict(sdkTypedErrorAssertion, outcome, { expectStatus: 403 }).passed).toBe(false);
    expect(verdict(sdkCallOkAssertion, outcome).passed).toBe(false);
  });

  it('validation: an unknown model and an out-of-range temperature give typed 4xx errors', async () => {
    const model = await runScenario('validation');
    expect(model.observations).toMatchObject({ ok: false, statusCode: 400 });
    expect(verdict(sdkTypedErrorAssertion, model, { expectStatus: [400, 404, 422] }).passed).toBe(true);
    const temperature = await runScenario('validation', { invalid: 'temperature' });
    expect(temperature.observations).toMatchObject({ ok: false, statusCode: 422 });
    expect(verdict(sdkTypedErrorAssertion, temperature).passed).toBe(true);
  });

  it('dependencies: reads the installed SDK tree', async () => {
    const outcome = await runScenario('dependencies');
    expect(isSdkDependencyObservations(outcome.observations)).toBe(true);
    expect(outcome.observations).toMatchObject({ packageName: '@mistralai/mistralai' });
    const count = outcome.observations.transitiveCount as number;
    expect(count).toBeGreaterThan(0);
    expect(verdict(sdkDependencyCountAssertion, outcome, { max: count }).passed).toBe(true);
    expect(verdict(sdkDependencyCountAssertion, outcome, { max: count - 1 }).passed).toBe(false);
    expect(verdict(sdkInstallScriptsAssertion, outcome).passed).toBe(true);
    expect(verdict(sdkLicencesKnownAssertion, outcome).passed).not.toBeNull();
  });

  it('an unreachable server is a transport failure, and a provider without SDK is skipped', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const outcome = await runScenario('auth-works', {}, closed.baseUrl);
    expect(outcome.failure?.reason).toBe('connection-refused');
    const { context } = createTestContext({
      baseUrl: server.baseUrl,
      probe: { kind: 'sdk', with: { scenario: 'auth-works' } },
    });
    expect((await sdkKind.run(context)).skip?.reason).toBe('not-supported');
  });
});
