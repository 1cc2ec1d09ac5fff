import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import {
  deprecationInfoAssertion,
  labsModelsFlaggedAssertion,
  modelServedAssertion,
  servesRequested,
} from '../assertions/model-assertions.ts';
import { responseShapeConformanceAssertion } from '../assertions/shape-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeContext, ProbeOutcome } from '../probe-kind.ts';
import { modelsKind } from './models.ts';

const card = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  object: 'model',
  created: 1759500189,
  owned_by: 'mistralai',
  capabilities: { completion_chat: true },
  aliases: [],
  deprecation: null,
  deprecation_replacement_model: null,
  type: 'base',
  ...extra,
});

const LIST = {
  object: 'list',
  data: [
    card('mistral-small-2506', { aliases: ['mistral-small-latest'] }),
    card('open-mistral-7b', {
      deprecation: '2025-03-30T12:00:00Z',
      deprecation_replacement_model: 'ministral-8b-latest',
    }),
    card('labs-devstral-small-2512'),
  ],
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function listModels(
  body: unknown,
  model = 'mistral-small-latest',
  status = 200,
): Promise<{ outcome: ProbeOutcome; context: ProbeContext }> {
  server = await startTestServer((_request, _body, response) => sendJson(response, status, body));
  const { context, provider } = createTestContext({
    baseUrl: server.baseUrl,
    model,
    probe: { kind: 'models' },
  });
  const outcome = await modelsKind.run(context);
  await provider.close();
  return { outcome, context };
}

describe('models kind', () => {
  it('reads ids, aliases, deprecations and Labs models from the list', async () => {
    const { outcome, context } = await listModels(LIST);
    expect(outcome.observation?.kind).toBe('models');
    expect(observationOf(outcome, 'models')!).toMatchObject({
      requestedModelListed: true,
      deprecations: [
        { id: 'open-mistral-7b', deprecation: '2025-03-30T12:00:00Z', replacement: 'ministral-8b-latest' },
      ],
      withoutDeprecationField: [],
      labsModels: ['labs-devstral-small-2512'],
    });
    expect(outcome.measurements.shapeFingerprint).toContain('.data[].deprecation:string');
    expect(deprecationInfoAssertion.evaluate({}, outcome, context)).toMatchObject({ passed: true });
    expect(labsModelsFlaggedAssertion.evaluate({}, outcome, context).detail).toMatch(
      /labs-devstral-small-2512/,
    );
    expect(responseShapeConformanceAssertion.evaluate({}, outcome, context)).toMatchObject({ passed: true });
  });

  it('fails a list without deprecation fields, a Labs model under evaluation and a non-conforming list', async () => {
    const bare = { object: 'list', data: [{ id: 'labs-mistral-x', object: 'model' }] };
    const { outcome, context } = await listModels(bare, 'labs-mistral-x');
    expect(deprecationInfoAssertion.evaluate({}, outcome, context).passed).toBe(false);
    expect(labsModelsFlaggedAssertion.evaluate({}, outcome, context).passed).toBe(false);
    expect(responseShapeConformanceAssertion.evaluate({}, outcome, context).detail).toMatch(/capabilities/);
  });

  it('skips a target without /v1/models', async () => {
    const { outcome } = await listModels({ detail: 'Not Found' }, 'x', 404);
    expect(outcome.skip?.reason).toBe('not-supported');
  });
});

describe('model-served', () => {
  it('accepts the requested id or a dated build of a -latest alias', () => {
    expect(servesRequested('mistral-small-latest', 'mistral-small-latest')).toBe(true);
    expect(servesRequested('mistral-small-latest', 'mistral-small-2506')).toBe(true);
    expect(servesRequested('mistral-small-latest', 'mistral-large-2411')).toBe(false);
    expect(servesRequested('mistral-small-2506', 'mistral-small-2503')).toBe(false);
  });

  it('judges the model named in a chat completion exchange', async () => {
    server = await startTestServer((_request, _body, response) =>
      sendJson(response, 200, {
        id: 'b761ad55fe0145d3a5e478a080930232',
        object: 'chat.completion',
        created: 1728462827,
        model: 'mistral-large-2411',
        choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
      }),
    );
    const { context, provider } = createTestContext({ baseUrl: server.baseUrl });
    const exchange = await context.send(
      context.render({ path: '/v1/chat/completions', body: { model: '{{model}}', messages: [] } }),
    );
    await provider.close();
    const outcome: ProbeOutcome = { exchanges: [exchange], measurements: {}, timings: {} };
    expect(modelServedAssertion.evaluate({}, outcome, context)).toMatchObject({
      passed: false,
      detail: 'requested mistral-small-latest but mistral-large-2411 answered',
    });
    expect(modelServedAssertion.evaluate({ model: 'mistral-large-latest' }, outcome, context).passed).toBe(
      true,
    );
    expect(responseShapeConformanceAssertion.evaluate({}, outcome, context).passed).toBe(true);
  });
});
