/** @module `http`: send one templated request (optionally N times) and keep every exchange. */
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
  unreadableAnswer,
} from '../probe-kind.ts';

export interface HttpParameters {
  /** Send the same request this many times (e.g. to see that an error is stable). */
  times?: number;
  /** Length of the `{{filler}}` template variable (oversized inputs). */
  fillerChars?: number;
}

export const httpKind: ProbeKind<'http'> = {
  name: 'http',
  parameters: {
    type: 'object',
    properties: {
      times: { type: 'integer', minimum: 1, maximum: 50 },
      fillerChars: { type: 'integer', minimum: 0, maximum: 10_000_000 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const template = context.probe.request;
    if (!template) throw new Error(`probe ${context.probe.id}: kind http needs a request`);
    const times = parametersOf<HttpParameters>(context).times ?? 1;
    const outcome = emptyOutcome();
    for (let index = 0; index < times; index += 1) {
      const exchange = await context.send(context.render(template));
      outcome.exchanges.push(exchange);
      // Any status is evidence here, but not an answer that never arrived whole.
      outcome.failure = unreadableAnswer(exchange, { expectJson: false });
      if (outcome.failure) break;
    }
    const first = outcome.exchanges[0];
    if (first) outcome.timings = { ttfbMs: first.timings.ttfbMs ?? undefined, e2eMs: first.timings.e2eMs };
    return outcome;
  },
};
