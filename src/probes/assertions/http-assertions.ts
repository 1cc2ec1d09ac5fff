/** @module Assertions on raw HTTP exchanges: status, content type, envelope, request ids, echoes. */
import type { ProviderExchange } from '../../providers/provider.ts';
import {
  type Assertion,
  type AssertionParams,
  type AssertionVerdict,
  fail,
  notApplicable,
  pass,
} from '../assertion.ts';
import { classifyEnvelope, ENVELOPE_NAMES } from '../classify-envelope.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { exchangeJson, headerOf, isRecord, REQUEST_ID_HEADERS } from '../response-body.ts';

const STATUS = { type: 'integer', minimum: 100, maximum: 599 } as const;

function answered(outcome: ProbeOutcome): ProviderExchange[] {
  return outcome.exchanges.filter((exchange) => exchange.status !== null);
}

function statusMatches(status: number, params: AssertionParams): boolean {
  if (typeof params.equals === 'number') return status === params.equals;
  if (Array.isArray(params.in)) return params.in.includes(status);
  if (Array.isArray(params.range))
    return status >= Number(params.range[0]) && status <= Number(params.range[1]);
  return status < 400;
}

/**
 * The outcome without its 5xx answers, for checks about how client errors are reported: a server
 * error's body is about the server, not the request, and availability judges it. When only 5xx
 * answers remain, the verdict to give instead.
 */
function clientAnswers(outcome: ProbeOutcome): ProbeOutcome | AssertionVerdict {
  const exchanges = answered(outcome);
  const kept = exchanges.filter((exchange) => (exchange.status ?? 0) < 500);
  if (exchanges.length > 0 && kept.length === 0)
    return notApplicable(`not judged: server error ${exchanges[0]?.status} (availability judges it)`);
  return { ...outcome, exchanges: kept };
}

function isVerdict(value: ProbeOutcome | AssertionVerdict): value is AssertionVerdict {
  return 'passed' in value;
}

/** Does the expectation itself ask about server errors (e.g. `equals: 503`)? */
function expectsServerError(params: AssertionParams): boolean {
  return [500, 503, 599].some((status) => statusMatches(status, params)) && !statusMatches(200, params);
}

function describeExpected(params: AssertionParams): string {
  if (typeof params.equals === 'number') return String(params.equals);
  if (Array.isArray(params.in)) return params.in.join(' or ');
  if (Array.isArray(params.range)) return `${params.range[0]}-${params.range[1]}`;
  return '< 400';
}

/** Runs a per-exchange predicate over every answered exchange; fails on the first that does not hold. */
function everyExchange(
  outcome: ProbeOutcome,
  predicate: (exchange: ProviderExchange) => string | null,
  passDetail: string,
): ReturnType<Assertion['evaluate']> {
  const exchanges = answered(outcome);
  if (exchanges.length === 0) return notApplicable('no response to judge');
  for (const exchange of exchanges) {
    const problem = predicate(exchange);
    if (problem) return fail(problem);
  }
  return pass(passDetail);
}

/**
 * A status expectation is about how the API classifies a request (rejected, accepted, which 4xx); a 5xx
 * says the server failed, which availability and `not-5xx` judge. So 5xx answers are not judged here
 * unless the expectation asks for one, and a status check never turns a 500 into, say, "unknown model
 * ids are silently served".
 */
export const statusAssertion: Assertion<'status'> = {
  name: 'status',
  parameters: {
    type: 'object',
    properties: {
      equals: STATUS,
      in: { type: 'array', minItems: 1, items: STATUS },
      range: { type: 'array', minItems: 2, maxItems: 2, items: STATUS },
    },
    additionalProperties: false,
  },
  evaluate: (params, outcome) => {
    const judgeServerErrors = expectsServerError(params);
    const judged = answered(outcome).filter((exchange) => judgeServerErrors || (exchange.status ?? 0) < 500);
    if (judged.length === 0) {
      const statuses = answered(outcome).map((exchange) => exchange.status);
      return statuses.length === 0
        ? notApplicable('no response to judge')
        : notApplicable(`not judged: server error ${statuses.join(', ')} (availability judges it)`);
    }
    const wrong = judged.find((exchange) => !statusMatches(exchange.status ?? 0, params));
    return wrong
      ? fail(`status ${wrong.status}, expected ${describeExpected(params)}`)
      : pass(`status ${judged[0]?.status} as expected (${describeExpected(params)})`);
  },
};

export const not5xxAssertion: Assertion<'not-5xx'> = {
  name: 'not-5xx',
  evaluate: (_params, outcome) => {
    const exchanges = answered(outcome);
    if (exchanges.length === 0) return notApplicable('no response to judge');
    const serverError = exchanges.find((exchange) => (exchange.status ?? 0) >= 500);
    if (serverError) return fail(`server error ${serverError.status} for a client mistake`);
    const rejected = exchanges.filter((exchange) => (exchange.status ?? 0) >= 400);
    // An accepted mistake is no server error; whether it is reported is the other error checks' job.
    if (rejected.length === 0)
      return notApplicable(
        `not judged: the mistake was accepted (${exchanges[0]?.status}), not answered with an error`,
      );
    return pass(
      `client mistake answered with ${[...new Set(rejected.map((exchange) => exchange.status))].join(', ')}, not 5xx`,
    );
  },
};

export const jsonContentTypeAssertion: Assertion<'json-content-type'> = {
  name: 'json-content-type',
  evaluate: (_params, whole) => {
    const outcome = clientAnswers(whole);
    if (isVerdict(outcome)) return outcome;
    return everyExchange(
      outcome,
      (exchange) => {
        const type = exchange.headers['content-type'] ?? '';
        return /application\/([\w.+-]+\+)?json/i.test(type)
          ? null
          : `content-type "${type || 'missing'}", not JSON`;
      },
      'content-type is application/json',
    );
  },
};

export const jsonBodyAssertion: Assertion<'json-body'> = {
  name: 'json-body',
  evaluate: (_params, outcome) =>
    everyExchange(
      outcome,
      (exchange) => (exchangeJson(exchange) === undefined ? 'body is not valid JSON' : null),
      'body is valid JSON',
    ),
};

/** A mistake answered 2xx gave the agent no error to read: say so, rather than judge a success body as an error. */
function acceptedMistake(exchange: ProviderExchange): string | null {
  const status = exchange.status;
  return status !== null && status >= 200 && status < 300
    ? `the mistake was accepted (${status}): there is no error body to read`
    : null;
}

function envelopeOf(exchange: ProviderExchange): string {
  return classifyEnvelope(exchangeJson(exchange) ?? exchange.bodyText);
}

export const envelopeAssertion: Assertion<'envelope'> = {
  name: 'envelope',
  parameters: {
    type: 'object',
    properties: { in: { type: 'array', minItems: 1, items: { enum: [...ENVELOPE_NAMES] } } },
    additionalProperties: false,
  },
  evaluate: (params, whole) => {
    const outcome = clientAnswers(whole);
    if (isVerdict(outcome)) return outcome;
    const allowed = Array.isArray(params.in) ? (params.in as string[]) : null;
    const first = answered(outcome)[0];
    return everyExchange(
      outcome,
      (exchange) => {
        const accepted = acceptedMistake(exchange);
        if (accepted) return accepted;
        const name = envelopeOf(exchange);
        if (allowed)
          return allowed.includes(name) ? null : `envelope ${name}, expected ${allowed.join(' or ')}`;
        return name === 'unstructured' || name === 'empty' ? `error body is ${name}` : null;
      },
      `machine-readable envelope (${first ? envelopeOf(first) : 'none'})`,
    );
  },
};

export const envelopeStableAssertion: Assertion<'envelope-stable'> = {
  name: 'envelope-stable',
  evaluate: (_params, whole) => {
    const outcome = clientAnswers(whole);
    if (isVerdict(outcome)) return outcome;
    const exchanges = answered(outcome);
    if (exchanges.length < 2) return notApplicable('needs at least two answers besides server errors');
    const names = exchanges.map((exchange) => `${exchange.status}/${envelopeOf(exchange)}`);
    const distinct = [...new Set(names)];
    return distinct.length === 1
      ? pass(`same status and envelope ${distinct[0]} on all ${names.length} answers`)
      : fail(`answers differ: ${distinct.join(', ')}`);
  },
};

export const namesFieldAssertion: Assertion<'names-field'> = {
  name: 'names-field',
  parameters: {
    type: 'object',
    required: ['field'],
    properties: { field: { type: 'string', minLength: 1 } },
    additionalProperties: false,
  },
  evaluate: (params, whole) => {
    const { field } = params as { field: string };
    const outcome = clientAnswers(whole);
    if (isVerdict(outcome)) return outcome;
    return everyExchange(
      outcome,
      (exchange) =>
        acceptedMistake(exchange) ??
        (exchange.bodyText.includes(field)
          ? null
          : `error body does not name the offending field "${field}"`),
      `error body names "${field}"`,
    );
  },
};

export const requestIdAssertion: Assertion<'request-id'> = {
  name: 'request-id',
  evaluate: (_params, outcome) =>
    everyExchange(
      outcome,
      (exchange) => {
        const json = exchangeJson(exchange);
        const inBody = isRecord(json) && (typeof json.request_id === 'string' || typeof json.id === 'string');
        return headerOf(exchange, ...REQUEST_ID_HEADERS) || inBody ? null : 'no request or correlation id';
      },
      'request id present',
    ),
};

export const headerPresentAssertion: Assertion<'header-present'> = {
  name: 'header-present',
  parameters: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 },
      anyOf: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
    additionalProperties: false,
  },
  evaluate: (params, outcome) => {
    const names = (Array.isArray(params.anyOf) ? params.anyOf : [params.name]).map(String);
    return everyExchange(
      outcome,
      (exchange) =>
        headerOf(exchange, ...names) === undefined ? `missing header ${names.join(' / ')}` : null,
      `header ${names.join(' / ')} present`,
    );
  },
};
