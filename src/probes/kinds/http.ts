/** @module `http`: send one templated request (optionally N times) and keep every exchange. */
import { emptyOutcome, type ProbeContext, type ProbeKind, type ProbeOutcome } from '../probe-kind.ts';

export const httpKind: ProbeKind = {
  name: 'http',
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const template = context.probe.request;
    if (!template) throw new Error(`probe ${context.probe.id}: kind http needs a request`);
    const times = Number(context.probe.with?.times ?? 1);
    const outcome = emptyOutcome();
    for (let index = 0; index < times; index += 1) {
      const exchange = await context.send(context.render(template));
      outcome.exchanges.push(exchange);
      if (exchange.status === null && exchange.failure) {
        outcome.failure = { reason: exchange.failure.reason, detail: exchange.failure.message };
        break;
      }
    }
    const first = outcome.exchanges[0];
    if (first) outcome.timings = { ttfbMs: first.timings.ttfbMs ?? undefined, e2eMs: first.timings.e2eMs };
    return outcome;
  },
};
