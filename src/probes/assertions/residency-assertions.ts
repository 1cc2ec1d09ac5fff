/** @module Assertions on regional endpoints (gdpr-criteria P-REGION): does the documented EU endpoint answer? */
import { type Assertion, fail, notApplicable, pass } from '../assertion.ts';
import { observationOf } from '../observation.ts';

/** The regional endpoint a `region` parameter names (default `eu`) answers with the key, 2xx. */
export const regionalEndpointAnswersAssertion: Assertion<'regional-endpoint-answers'> = {
  name: 'regional-endpoint-answers',
  reads: ['regional-endpoints'],
  parameters: {
    type: 'object',
    properties: { region: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate: (params, outcome) => {
    const observed = observationOf(outcome, 'regional-endpoints');
    if (!observed) return notApplicable('no regional endpoints were called');
    const region = typeof params.region === 'string' ? params.region : 'eu';
    const summary = observed.endpoints
      .map(
        (endpoint) =>
          `${endpoint.region} ${endpoint.host}: ${endpoint.status ?? endpoint.failure ?? 'no answer'}`,
      )
      .join('; ');
    const wanted = observed.endpoints.find((endpoint) => endpoint.region === region);
    if (!wanted) return notApplicable(`the target lists no ${region} endpoint (${summary})`);
    if (wanted.status !== null && wanted.status >= 500)
      return notApplicable(`${region} endpoint answered ${wanted.status}: availability judges it`);
    return wanted.status !== null && wanted.status >= 200 && wanted.status < 300
      ? pass(`the ${region} endpoint ${wanted.host} answers (${summary})`)
      : fail(`the documented ${region} endpoint ${wanted.host} did not answer with the key (${summary})`);
  },
};
