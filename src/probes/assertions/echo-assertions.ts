/** @module Assertions that nothing secret or personal comes back: key, canaries, cookies, CORS. */
import type { Assertion } from '../assertion.ts';
import { fail, notApplicable, pass } from '../assertion.ts';
import type { Canaries } from '../probe-kind.ts';

export const noKeyEchoAssertion: Assertion<'no-key-echo'> = {
  name: 'no-key-echo',
  evaluate: (_params, outcome, context) => {
    const answered = outcome.exchanges.filter((exchange) => exchange.status !== null);
    if (answered.length === 0) return notApplicable('no response to judge');
    for (const exchange of answered) {
      if (context.containsSecret(exchange.bodyText))
        return fail(`the API key (or 8+ characters of it) came back in the ${exchange.status} body`);
      for (const [name, value] of Object.entries(exchange.headers)) {
        if (context.containsSecret(value)) return fail(`the API key came back in response header ${name}`);
      }
    }
    return pass('the key was not echoed');
  },
};

export const noCanaryEchoAssertion: Assertion<'no-canary-echo'> = {
  name: 'no-canary-echo',
  parameters: {
    type: 'object',
    properties: { canary: { enum: ['email', 'name', 'phone', 'apiKey', 'fileText'] } },
    additionalProperties: false,
  },
  evaluate: (params, outcome, context) => {
    const which = String(params.canary ?? 'email') as keyof Canaries;
    const canary = context.canaries[which];
    const answered = outcome.exchanges.filter(
      (exchange) => exchange.status !== null && exchange.status >= 400,
    );
    if (answered.length === 0) return notApplicable('no error response to judge');
    for (const exchange of answered) {
      if (exchange.bodyText.includes(canary))
        return fail(`planted ${which} canary echoed in the ${exchange.status} error body`);
    }
    return pass(`planted ${which} canary not echoed`);
  },
};

export const noCookiesAssertion: Assertion<'no-cookies'> = {
  name: 'no-cookies',
  evaluate: (_params, outcome) => {
    const answered = outcome.exchanges.filter((exchange) => exchange.status !== null);
    if (answered.length === 0) return notApplicable('no response to judge');
    const withCookie = answered.find((exchange) => exchange.headers['set-cookie']);
    return withCookie
      ? fail(`API response sets a cookie (${withCookie.headers['set-cookie']?.split('=')[0]})`)
      : pass('no cookies set');
  },
};

export const noCorsCredentialReflectionAssertion: Assertion<'no-cors-credential-reflection'> = {
  name: 'no-cors-credential-reflection',
  parameters: {
    type: 'object',
    required: ['origin'],
    properties: { origin: { type: 'string', pattern: '^https?://' } },
    additionalProperties: false,
  },
  evaluate: (params, outcome) => {
    const origin = String(params.origin ?? '');
    const answered = outcome.exchanges.filter((exchange) => exchange.status !== null);
    if (answered.length === 0) return notApplicable('no response to judge');
    for (const exchange of answered) {
      const allowOrigin = exchange.headers['access-control-allow-origin'];
      const credentials = exchange.headers['access-control-allow-credentials'] === 'true';
      if (allowOrigin === origin && credentials)
        return fail(`arbitrary Origin ${origin} reflected with credentials allowed`);
    }
    return pass('arbitrary origins are not granted credentialed access');
  },
};
