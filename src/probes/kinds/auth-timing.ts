/** @module `auth-timing`: median answer time with the right key and with a wrong one, side by side. */
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';

export interface AuthTimingObservations {
  rightKeyMedianMs: number | null;
  wrongKeyMedianMs: number | null;
  samples: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

export interface AuthTimingParameters {
  /** Requests per key (right and wrong). */
  samples?: number;
}

export const authTimingKind: ProbeKind<'auth-timing'> = {
  name: 'auth-timing',
  parameters: {
    type: 'object',
    properties: { samples: { type: 'integer', minimum: 1, maximum: 100 } },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const template = context.probe.request ?? { method: 'GET', path: '/v1/models' };
    const samples = parametersOf<AuthTimingParameters>(context).samples ?? 5;
    const right: number[] = [];
    const wrong: number[] = [];
    const outcome = emptyOutcome();
    for (let index = 0; index < samples; index += 1) {
      for (const [mode, into] of [
        ['bearer', right],
        ['wrong-key', wrong],
      ] as const) {
        const exchange = await context.send({ ...context.render(template), auth: { mode } });
        if (index === 0) outcome.exchanges.push(exchange);
        if (exchange.status !== null) into.push(exchange.timings.e2eMs);
      }
    }
    const unanswered = outcome.exchanges.find((exchange) => exchange.status === null);
    if (right.length === 0 && wrong.length === 0 && unanswered?.failure) {
      outcome.failure = { reason: unanswered.failure.reason, detail: unanswered.failure.message };
      return outcome;
    }
    const observations: AuthTimingObservations = {
      rightKeyMedianMs: median(right),
      wrongKeyMedianMs: median(wrong),
      samples,
    };
    outcome.observation = { kind: 'auth-timing', data: observations };
    outcome.measurements = { authTiming: observations };
    return outcome;
  },
};
