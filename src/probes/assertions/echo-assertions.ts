/** @module Assertions that nothing secret or personal comes back: key, canaries, cookies, CORS. */
import type { Assertion } from '../assertion.ts';
import { fail, notApplicable, partialFail, pass } from '../assertion.ts';
import type { Canaries } from '../probe-kind.ts';
import { isRecord, readJson } from '../response-body.ts';

/**
 * How much of the request an error body gives back (gdpr-criteria P-PIIECHO): `offending-value` when
 * the canary comes back only as a JSON string that is exactly the offending value (a validation
 * error's `input`), `more` when it comes back inside other text (a dumped request, a message quoting
 * the body), with another canary, or in a body that is not JSON.
 */
export function piiEcho(
  bodyText: string,
  canary: string,
  others: readonly string[],
): 'none' | 'offending-value' | 'more' {
  if (!bodyText.includes(canary)) return 'none';
  if (others.some((other) => other !== '' && bodyText.includes(other))) return 'more';
  const read = readJson(bodyText);
  if (!read.ok) return 'more';
  let embedded = false;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value !== canary && value.includes(canary)) embedded = true;
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value))
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(canary)) embedded = true;
        visit(item);
      }
  };
  visit(read.value);
  return embedded ? 'more' : 'offending-value';
}

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
    // Parameters were validated against `parameters` when the suite loaded.
    const { canary: which = 'email' } = params as { canary?: keyof Canaries };
    const canary = context.canaries[which];
    const errors = outcome.exchanges.filter((exchange) => exchange.status !== null && exchange.status >= 400);
    // A 5xx never reached the validation path under test: it says nothing about echoes (availability
    // judges it), and counting its silence as "not echoed" would let errors raise the score.
    const answered = errors.filter((exchange) => (exchange.status ?? 0) < 500);
    if (answered.length === 0)
      return notApplicable(
        errors.length > 0
          ? `only ${errors[0]?.status} answers: the validation error was never reached`
          : 'no error response to judge',
      );
    const others = Object.entries(context.canaries)
      .filter(([name]) => name !== which)
      .map(([, value]) => value);
    let partial: string | null = null;
    for (const exchange of answered) {
      const echo = piiEcho(exchange.bodyText, canary, others);
      if (echo === 'more')
        return fail(
          `planted ${which} canary echoed in the ${exchange.status} error body with more of the request`,
        );
      if (echo === 'offending-value')
        partial = `the ${exchange.status} error body echoes the offending ${which} value (and nothing more)`;
    }
    return partial ? partialFail(partial) : pass(`planted ${which} canary not echoed`);
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
    const { origin } = params as { origin: string };
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
