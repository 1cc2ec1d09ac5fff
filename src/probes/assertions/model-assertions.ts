/** @module Assertions on models: the served model is the requested one, deprecations are announced, Labs models are flagged. */

import type { ProviderExchange } from '../../providers/provider.ts';
import type { AssertionName } from '../../spec/suite.ts';
import { type Assertion, type AssertionVerdict, fail, notApplicable, pass } from '../assertion.ts';
import { readChatCompletion, readChatStream } from '../chat-response.ts';
import type { ModelsObservations } from '../kinds/models.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';

function modelsAssertion<Name extends AssertionName>(
  name: Name,
  judge: (observations: ModelsObservations) => AssertionVerdict,
): Assertion<Name> {
  return {
    name,
    reads: ['models'],
    evaluate: (_params, outcome: ProbeOutcome) => {
      const observations = observationOf(outcome, 'models');
      return observations ? judge(observations) : notApplicable('no readable model list');
    },
  };
}

function servedModel(exchange: ProviderExchange): string | null {
  if (exchange.status === null || exchange.status < 200 || exchange.status >= 300) return null;
  return (exchange.sse ? readChatStream(exchange) : readChatCompletion(exchange)).model;
}

/** A version stamp on a model id: `2506`, `20240620`, `2024-07-18`. */
const DATED_BUILD = /^(\d{4}|\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * `mistral-small-2506` serves `mistral-small-latest` (a dated build of the same family), and
 * `gpt-4o-mini-2024-07-18` serves `gpt-4o-mini` (the snapshot an alias points at, as OpenAI
 * answers); `gpt-4o-mini-2024-07-18` does not serve `gpt-4o`.
 */
export function servesRequested(requested: string, served: string): boolean {
  if (served === requested) return true;
  if (served.startsWith(`${requested}-`) && DATED_BUILD.test(served.slice(requested.length + 1))) return true;
  const family = requested.replace(/-latest$/, '');
  return family !== requested && served.startsWith(`${family}-`);
}

export const modelServedAssertion: Assertion<'model-served'> = {
  name: 'model-served',
  parameters: {
    type: 'object',
    properties: { model: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate: (params, outcome, context) => {
    const requested =
      (params as { model?: string }).model ?? String(context.vars.model ?? context.target.model);
    const served = outcome.exchanges.map(servedModel).find((model): model is string => model !== null);
    if (served === undefined) return notApplicable('no successful chat completion naming its model');
    return servesRequested(requested, served)
      ? pass(served === requested ? `served ${served} as requested` : `served ${served} for ${requested}`)
      : fail(`requested ${requested} but ${served} answered`);
  },
};

export const deprecationInfoAssertion = modelsAssertion('deprecation-info', (observations) => {
  const { modelIds, withoutDeprecationField, deprecations } = observations;
  if (modelIds.length === 0) return notApplicable('the model list is empty');
  if (withoutDeprecationField.length > 0) {
    const missing = withoutDeprecationField.slice(0, 5).join(', ');
    return fail(
      `${withoutDeprecationField.length} of ${modelIds.length} models carry no deprecation field (${missing})`,
    );
  }
  const announced = deprecations.map((item) => `${item.id} on ${item.deprecation.slice(0, 10)}`).slice(0, 5);
  return pass(
    `every model carries a deprecation field; ${deprecations.length} announced${announced.length ? `: ${announced.join(', ')}` : ''}`,
  );
});

export const labsModelsFlaggedAssertion = modelsAssertion(
  'labs-models-flagged',
  ({ labsModels, requestedModel }) => {
    if (labsModels.includes(requestedModel)) {
      return fail(
        `the evaluated model ${requestedModel} is a Labs model: its inputs may be used for training`,
      );
    }
    return labsModels.length > 0
      ? pass(
          `Labs models (inputs may train the provider's models; never send personal data): ${labsModels.join(', ')}`,
        )
      : pass('no Labs models listed');
  },
);
