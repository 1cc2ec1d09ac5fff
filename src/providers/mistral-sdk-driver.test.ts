import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../spec/target.ts';
import { CONTRACT_KEY, type ContractServer, startContractServer } from './__fixtures__/contract-server.ts';
import { createMistralProvider } from './mistral-provider.ts';
import { sdkServerUrl } from './mistral-sdk-driver.ts';
import type { SdkDriver } from './sdk-driver.ts';

const messages = [{ role: 'user' as const, content: 'Say hello' }];

describe('mistral SDK driver', () => {
  let server: ContractServer;
  let sdk: SdkDriver;
  let target: Target;

  beforeAll(async () => {
    server = await startContractServer();
    target = { name: 'sdk', provider: 'mistral', baseUrl: server.baseUrl, model: 'm', apiKeyEnv: 'K' };
    const provider = createMistralProvider(target, { apiKey: CONTRACT_KEY });
    expect(provider.sdk).toBeDefined();
    sdk = provider.sdk!;
  });
  afterAll(() => server.close());

  it('completes a chat and returns the SDK shape as plain data', async () => {
    const outcome = await sdk.chatComplete({ model: 'mistral-small-latest', messages }, { timeoutMs: 5000 });
    if (!outcome.ok) throw new Error(`${outcome.errorClass}: ${outcome.message}`);
    expect(outcome.value.choices[0]?.message?.content).toBe('Hello');
    expect(outcome.value.choices[0]?.finishReason).toBe('stop');
    expect(outcome.value.usage.totalTokens).toBe(8);
    expect(outcome.durationMs).toBeGreaterThan(0);
  });

  it('lists models', async () => {
    const outcome = await sdk.listModels({ timeoutMs: 5000 });
    if (!outcome.ok) throw new Error(`${outcome.errorClass}: ${outcome.message}`);
    expect(outcome.value.data?.[0]).toMatchObject({ id: 'mistral-small-latest', type: 'base' });
  });

  it('reports a wrong key as a typed 401', async () => {
    const outcome = await sdk.chatComplete(
      { model: 'm', messages },
      { apiKey: 'x'.repeat(32), timeoutMs: 5000 },
    );
    expect(outcome).toMatchObject({
      ok: false,
      errorClass: 'SDKError',
      statusCode: 401,
      hasTypedFields: true,
    });
    if (!outcome.ok) expect(outcome.bodyExcerpt).toContain('Unauthorized');
    const models = await sdk.listModels({ apiKey: 'wrong', timeoutMs: 5000 });
    expect(models).toMatchObject({ ok: false, statusCode: 401 });
  });

  it('maps 422 to HTTPValidationError and 429 / 500 to SDKError with their status', async () => {
    const expectations: Array<[string, string, number]> = [
      ['status-422', 'HTTPValidationError', 422],
      ['status-429', 'SDKError', 429],
      ['status-500', 'SDKError', 500],
    ];
    for (const [model, errorClass, statusCode] of expectations) {
      const outcome = await sdk.chatComplete({ model, messages }, { timeoutMs: 5000 });
      expect(outcome).toMatchObject({ ok: false, errorClass, statusCode, hasTypedFields: true });
    }
  });

  it('reports a success body that breaks the SDK schema as ResponseValidationError', async () => {
    const outcome = await sdk.chatComplete({ model: 'missing-created', messages }, { timeoutMs: 5000 });
    expect(outcome).toMatchObject({ ok: false, errorClass: 'ResponseValidationError', statusCode: 200 });
  });

  it('reports a timeout as RequestTimeoutError within the time asked', async () => {
    const started = performance.now();
    const outcome = await sdk.chatComplete({ model: 'hang', messages }, { timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(800);
    expect(outcome).toMatchObject({ ok: false, errorClass: 'RequestTimeoutError', statusCode: null });
  });

  it('points the SDK at a base URL ending in /v1 and leaves it out for any other base', () => {
    expect(sdkServerUrl('https://api.mistral.ai/v1')).toBe('https://api.mistral.ai');
    expect(sdkServerUrl('http://127.0.0.1:8000/v1/')).toBe('http://127.0.0.1:8000');
    expect(sdkServerUrl('http://127.0.0.1:8000')).toBeNull();
    expect(sdkServerUrl('https://generativelanguage.googleapis.com/v1beta/openai')).toBeNull();
    const rootBase = createMistralProvider(
      { ...target, baseUrl: 'http://127.0.0.1:8000' },
      { apiKey: CONTRACT_KEY },
    );
    expect(rootBase.sdk).toBeUndefined();
  });

  it('reports an unreachable server as ConnectionError', async () => {
    const unreachable = createMistralProvider(
      { ...target, baseUrl: 'http://127.0.0.1:1/v1' },
      { apiKey: CONTRACT_KEY },
    );
    const outcome = await unreachable.sdk!.listModels({ timeoutMs: 2000 });
    expect(outcome).toMatchObject({ ok: false, errorClass: 'ConnectionError', hasTypedFields: false });
  });

  it('goes through an injected undici dispatcher', async () => {
    const agent = new Agent();
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const provider = createMistralProvider(target, { apiKey: CONTRACT_KEY, dispatcher: counting });
    const outcome = await provider.sdk!.chatComplete({ model: 'm', messages }, { timeoutMs: 5000 });
    const failed = await provider.sdk!.chatComplete({ model: 'status-422', messages }, { timeoutMs: 5000 });
    const raw = await provider.send({
      method: 'GET',
      path: '/v1/models',
      auth: { mode: 'bearer' },
      timeoutMs: 5000,
    });
    await agent.close();
    expect(outcome.ok).toBe(true);
    expect(failed).toMatchObject({ ok: false, errorClass: 'HTTPValidationError' });
    expect(raw.status).toBe(200);
    expect(dispatched).toBe(3);
  });
});
