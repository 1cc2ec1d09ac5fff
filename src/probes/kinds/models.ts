/** @module `models`: the model list — is the requested model there, which models announce deprecation, which are Labs. */
import {
  emptyOutcome,
  NO_PARAMETERS,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  unreadableAnswer,
} from '../probe-kind.ts';
import { exchangeJson, isRecord } from '../response-body.ts';
import { shapeFingerprint } from '../shape-fingerprint.ts';

export interface ModelsObservations {
  modelIds: string[];
  requestedModel: string;
  /** The requested id is listed, as an id or as an alias of one. */
  requestedModelListed: boolean;
  /** Models whose `deprecation` is set (a date), with the replacement when named. */
  deprecations: Array<{ id: string; deprecation: string; replacement: string | null }>;
  /** Ids of listed models that carry no `deprecation` field at all (null counts as carried). */
  withoutDeprecationField: string[];
  /** Models whose inputs may be used for training (Mistral: `labs-*`). */
  labsModels: string[];
}

/** Mistral trains on Labs model traffic (opt-out and ZDR do not apply); their ids start with or contain `labs`. */
export function isLabsModel(id: string): boolean {
  return id.toLowerCase().includes('labs');
}

export function readModels(body: unknown, requestedModel: string): ModelsObservations | null {
  if (!isRecord(body) || !Array.isArray(body.data)) return null;
  const cards = body.data.filter(isRecord).filter((card) => typeof card.id === 'string');
  const modelIds = cards.map((card) => card.id as string);
  const aliases = cards.flatMap((card) => (Array.isArray(card.aliases) ? card.aliases.map(String) : []));
  return {
    modelIds,
    requestedModel,
    requestedModelListed: modelIds.includes(requestedModel) || aliases.includes(requestedModel),
    deprecations: cards
      .filter((card) => typeof card.deprecation === 'string')
      .map((card) => ({
        id: card.id as string,
        deprecation: card.deprecation as string,
        replacement:
          typeof card.deprecation_replacement_model === 'string' ? card.deprecation_replacement_model : null,
      })),
    withoutDeprecationField: cards
      .filter((card) => !('deprecation' in card))
      .map((card) => card.id as string),
    labsModels: modelIds.filter(isLabsModel),
  };
}

export const modelsKind: ProbeKind<'models'> = {
  name: 'models',
  parameters: NO_PARAMETERS,
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const exchange = await context.send({
      method: 'GET',
      path: '/v1/models',
      auth: { mode: 'bearer' },
      timeoutMs: context.timeoutMs,
    });
    outcome.exchanges.push(exchange);
    outcome.timings = { ttfbMs: exchange.timings.ttfbMs ?? undefined, e2eMs: exchange.timings.e2eMs };
    outcome.failure = unreadableAnswer(exchange, { expectJson: true });
    if (outcome.failure || exchange.status === null) return outcome;
    if (exchange.status === 404 || exchange.status === 405) {
      outcome.skip = { reason: 'not-supported', detail: `GET /v1/models answered ${exchange.status}` };
      return outcome;
    }
    const body = exchangeJson(exchange);
    const requestedModel = String(context.vars.model ?? context.target.model);
    outcome.measurements = { requestedModel };
    if (exchange.status >= 200 && exchange.status < 300 && body !== undefined) {
      outcome.measurements.shapeFingerprint = shapeFingerprint(body);
    }
    const observations = exchange.status < 300 ? readModels(body, requestedModel) : null;
    // Observations stay empty when the list is unreadable: the model assertions then report not applicable.
    if (observations) outcome.observation = { kind: 'models', data: observations };
    return outcome;
  },
};
