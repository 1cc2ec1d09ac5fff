import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { AssertionContext } from '../assertion.ts';
import type { ModelsObservations } from '../kinds/models.ts';
import { emptyOutcome, type ProbeOutcome } from '../probe-kind.ts';
import {
  deprecationInfoAssertion,
  labsModelsFlaggedAssertion,
  modelServedAssertion,
  servesRequested,
} from './model-assertions.ts';

function chat(status: number | null, model: string | null, stream = false): ProviderExchange {
  const body = model === null ? { choices: [] } : { model, choices: [] };
  const bodyText = stream ? '' : JSON.stringify(body);
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/v1/chat/completions', headers: {} },
    status,
    headers: { 'content-type': stream ? 'text/event-stream' : 'application/json' },
    bodyText,
    bodyBytes: bodyText.length,
    ...(stream ? { sse: [{ data: JSON.stringify(body), atMs: 1 }], sseDone: true } : {}),
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
  };
}
const outcome = (...exchanges: ProviderExchange[]): ProbeOutcome => ({ ...emptyOutcome(), exchanges });
const context = (vars: Record<string, unknown> = {}) =>
  ({ target: { model: 'target-model' }, vars }) as unknown as AssertionContext;

function models(overrides: Partial<ModelsObservations> = {}): ModelsObservations {
  return {
    modelIds: ['a', 'b'],
    requestedModel: 'a',
    requestedModelListed: true,
    deprecations: [],
    withoutDeprecationField: [],
    labsModels: [],
    ...overrides,
  };
}
const listed = (data: ModelsObservations) => ({
  ...emptyOutcome(),
  observation: { kind: 'models' as const, data },
});

describe('servesRequested', () => {
  it('accepts the same id, a dated build of it, or a dated build of a -latest family', () => {
    expect(servesRequested('mistral-small-latest', 'mistral-small-latest')).toBe(true);
    expect(servesRequested('mistral-small-latest', 'mistral-small-2506')).toBe(true);
    expect(servesRequested('mistral-small-latest', 'mistral-small')).toBe(false);
    expect(servesRequested('mistral-small-latest', 'mistral-smaller-2506')).toBe(false);
    expect(servesRequested('mistral-small', 'mistral-small-2506')).toBe(true);
    // OpenAI answers an alias with the snapshot it points at; a longer name is another model.
    expect(servesRequested('gpt-4o-mini', 'gpt-4o-mini-2024-07-18')).toBe(true);
    expect(servesRequested('claude-3-5-sonnet', 'claude-3-5-sonnet-20240620')).toBe(true);
    expect(servesRequested('gpt-4o', 'gpt-4o-mini-2024-07-18')).toBe(false);
    expect(servesRequested('mistral-small', 'mistral-small-evil')).toBe(false);
    expect(servesRequested('latest-small', 'latest-small-1')).toBe(false);
    expect(servesRequested('m-latest', 'x-m-1')).toBe(false);
    expect(servesRequested('m-latest-v2', 'm-v2-1')).toBe(false);
  });
});

describe('model-served', () => {
  it('compares the first successful answer with the model asked for (param, then vars, then target)', () => {
    const judge = (params: Record<string, unknown>, observed: ProbeOutcome, vars = {}) =>
      modelServedAssertion.evaluate(params, observed, context(vars));
    expect(judge({}, outcome(chat(200, 'target-model')))).toEqual({
      passed: true,
      detail: 'served target-model as requested',
    });
    expect(judge({}, outcome(chat(200, 'v-model')), { model: 'v-model' }).passed).toBe(true);
    expect(judge({ model: 'p-latest' }, outcome(chat(200, 'p-2506')), { model: 'v-model' })).toEqual({
      passed: true,
      detail: 'served p-2506 for p-latest',
    });
    expect(judge({}, outcome(chat(200, 'other')))).toEqual({
      passed: false,
      detail: 'requested target-model but other answered',
    });
  });

  it('skips failed, non-2xx and model-less answers, and reads streams', () => {
    const judge = (observed: ProbeOutcome) => modelServedAssertion.evaluate({}, observed, context());
    const none = { passed: null, detail: 'no successful chat completion naming its model' };
    expect(judge(outcome())).toEqual(none);
    expect(
      judge(outcome(chat(null, 'x'), chat(199, 'x'), chat(300, 'x'), chat(500, 'x'), chat(200, null))),
    ).toEqual(none);
    expect(judge(outcome(chat(400, 'x'), chat(299, 'target-model'), chat(200, 'other'))).passed).toBe(true);
    expect(judge(outcome(chat(200, 'target-model', true)))).toEqual({
      passed: true,
      detail: 'served target-model as requested',
    });
    expect(judge(outcome(chat(200, 'other', true))).passed).toBe(false);
  });
});

describe('models assertions', () => {
  it('are not applicable without a model list', () => {
    for (const assertion of [deprecationInfoAssertion, labsModelsFlaggedAssertion]) {
      expect(assertion.reads).toEqual(['models']);
      expect(assertion.evaluate({}, emptyOutcome(), context())).toEqual({
        passed: null,
        detail: 'no readable model list',
      });
    }
  });

  it('deprecation-info wants the field on every model and names up to five announced', () => {
    const judge = (data: ModelsObservations) =>
      deprecationInfoAssertion.evaluate({}, listed(data), context());
    expect(judge(models({ modelIds: [] }))).toEqual({ passed: null, detail: 'the model list is empty' });
    expect(judge(models())).toEqual({
      passed: true,
      detail: 'every model carries a deprecation field; 0 announced',
    });
    const deprecations = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
      id,
      deprecation: '2026-03-04T00:00:00Z',
      replacement: null,
    }));
    expect(judge(models({ deprecations }))).toEqual({
      passed: true,
      detail:
        'every model carries a deprecation field; 6 announced: a on 2026-03-04, b on 2026-03-04, c on 2026-03-04, d on 2026-03-04, e on 2026-03-04',
    });
    const ids = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
    expect(judge(models({ modelIds: ids, withoutDeprecationField: ids.slice(0, 6) }))).toEqual({
      passed: false,
      detail: '6 of 7 models carry no deprecation field (m1, m2, m3, m4, m5)',
    });
  });

  it('labs-models-flagged fails a Labs model under evaluation and lists the others', () => {
    const judge = (data: ModelsObservations) =>
      labsModelsFlaggedAssertion.evaluate({}, listed(data), context());
    expect(judge(models())).toEqual({ passed: true, detail: 'no Labs models listed' });
    expect(judge(models({ labsModels: ['labs-x', 'labs-y'] }))).toEqual({
      passed: true,
      detail:
        "Labs models (inputs may train the provider's models; never send personal data): labs-x, labs-y",
    });
    expect(judge(models({ labsModels: ['labs-x'], requestedModel: 'labs-x' }))).toEqual({
      passed: false,
      detail: 'the evaluated model labs-x is a Labs model: its inputs may be used for training',
    });
  });
});
