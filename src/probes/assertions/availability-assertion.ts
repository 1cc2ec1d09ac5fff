/** @module availability: an ordinary request got an answer that was not a server error. */
import { type Assertion, fail, notApplicable, pass } from '../assertion.ts';

export const availabilityAssertion: Assertion<'availability'> = {
  name: 'availability',
  evaluate: (_params, outcome) => {
    if (outcome.exchanges.length === 0) return notApplicable('no request sent');
    const broken = outcome.exchanges.find((exchange) => exchange.status === null || exchange.status >= 500);
    if (!broken) return pass('answered without a server error');
    return broken.status === null
      ? fail(`no answer: ${broken.failure?.reason ?? 'unknown'}`)
      : fail(`server error ${broken.status}`);
  },
};
