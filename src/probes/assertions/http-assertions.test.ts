import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { Canaries, ProbeOutcome } from '../probe-kind.ts';
import {
  noCanaryEchoAssertion,
  noCorsCredentialReflectionAssertion,
  noKeyEchoAssertion,
} from './echo-assertions.ts';
import { errorStatusDocumentedAssertion } from './error-status-documented.ts';
import {
  envelopeAssertion,
  envelopeStableAssertion,
  headerPresentAssertion,
  jsonBodyAssertion,
  jsonContentTypeAssertion,
  namesFieldAssertion,
  not5xxAssertion,
  requestIdAssertion,
  statusAssertion,
} from './http-assertions.ts';

function exchange(
  status: number | null,
  body: unknown,
  headers: Record<string, string> = {},
): ProviderExchange {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/v1/chat/completions', headers: {} },
    status,
    headers: { 'content-type': 'application/json', ...headers },
    bodyText,
    bodyBytes: bodyText.length,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
  };
}

function outcome(...exchanges: ProviderExchange[]): ProbeOutcome {
  return { exchanges, measurements: {}, timings: {} };
}

const canaries: Canaries = {
  email: 'c@example.invalid',
  name: 'Canary',
  phone: '+00 1',
  apiKey: 'canaryKEY123',
  fileText: 'canary file text',
};
const context = {
  containsSecret: (text: string) => text.includes('real-key-1234'),
  canaries,
  target: {
    name: 't',
    provider: 'mistral' as const,
    baseUrl: 'http://127.0.0.1',
    model: 'm',
    apiKeyEnv: 'K',
  },
  vars: {},
};
const pydantic = {
  detail: [{ type: 'extra_forbidden', loc: ['body', 'temperatur'], msg: 'Extra inputs are not permitted' }],
};

describe('http assertions', () => {
  it('status: equals, in, range, and every answer must match', () => {
    expect(statusAssertion.evaluate({ equals: 401 }, outcome(exchange(401, {})), context).passed).toBe(true);
    expect(statusAssertion.evaluate({ in: [401, 403] }, outcome(exchange(200, {})), context).passed).toBe(
      false,
    );
    expect(
      statusAssertion.evaluate({ range: [400, 499] }, outcome(exchange(422, {}), exchange(200, {})), context)
        .passed,
    ).toBe(false);
    expect(statusAssertion.evaluate({ equals: 401 }, outcome(exchange(null, '')), context).passed).toBeNull();
  });

  it('status judges how a request is classified, not server errors (availability judges those)', () => {
    const unknownModel = statusAssertion.evaluate({ range: [400, 499] }, outcome(exchange(500, {})), context);
    expect(unknownModel).toEqual({
      passed: null,
      detail: 'not judged: server error 500 (availability judges it)',
    });
    expect(
      statusAssertion.evaluate({ range: [400, 499] }, outcome(exchange(422, {}), exchange(503, {})), context)
        .passed,
    ).toBe(true);
    expect(statusAssertion.evaluate({ equals: 503 }, outcome(exchange(503, {})), context).passed).toBe(true);
    expect(statusAssertion.evaluate({ equals: 503 }, outcome(exchange(500, {})), context).passed).toBe(false);
  });

  it('not-5xx: a 5xx for a client mistake fails, a 4xx passes, an accepted mistake is not its to judge', () => {
    expect(not5xxAssertion.evaluate({}, outcome(exchange(422, pydantic)), context)).toEqual({
      passed: true,
      detail: 'client mistake answered with 422, not 5xx',
    });
    expect(not5xxAssertion.evaluate({}, outcome(exchange(400, {}), exchange(502, {})), context)).toEqual({
      passed: false,
      detail: 'server error 502 for a client mistake',
    });
    const accepted = not5xxAssertion.evaluate({}, outcome(exchange(200, {})), context);
    expect(accepted.passed).toBeNull();
    expect(accepted.detail).not.toMatch(/5xx/);
  });

  it('envelope: known shapes pass, HTML does not', () => {
    expect(envelopeAssertion.evaluate({}, outcome(exchange(422, pydantic)), context).passed).toBe(true);
    const html = exchange(400, '<html>Bad Request</html>', { 'content-type': 'text/html' });
    expect(envelopeAssertion.evaluate({}, outcome(html), context).passed).toBe(false);
    expect(jsonContentTypeAssertion.evaluate({}, outcome(html), context).passed).toBe(false);
    // A 5xx page is the server failing, which availability judges, not how client errors are reported.
    const down = exchange(503, '<html>Service Unavailable</html>', { 'content-type': 'text/html' });
    for (const assertion of [envelopeAssertion, jsonContentTypeAssertion, envelopeStableAssertion])
      expect(assertion.evaluate({}, outcome(down, down), context)).toEqual({
        passed: null,
        detail: 'not judged: server error 503 (availability judges it)',
      });
    expect(
      envelopeStableAssertion.evaluate(
        {},
        outcome(exchange(422, pydantic), down, exchange(422, pydantic)),
        context,
      ).passed,
    ).toBe(true);
    expect(
      envelopeAssertion.evaluate({ in: ['gateway'] }, outcome(exchange(422, pydantic)), context).detail,
    ).toContain('expected gateway');
  });

  it('envelope-stable needs two answers and the same status and shape', () => {
    expect(
      envelopeStableAssertion.evaluate({}, outcome(exchange(401, { detail: 'Unauthorized' })), context)
        .passed,
    ).toBeNull();
    const same = outcome(
      exchange(401, { detail: 'Unauthorized' }),
      exchange(401, { detail: 'Unauthorized' }),
    );
    expect(envelopeStableAssertion.evaluate({}, same, context).passed).toBe(true);
    const differ = outcome(
      exchange(401, { detail: 'Unauthorized' }),
      exchange(401, { message: 'Unauthorized' }),
    );
    expect(envelopeStableAssertion.evaluate({}, differ, context).passed).toBe(false);
  });

  it('names-field and request-id', () => {
    expect(
      namesFieldAssertion.evaluate({ field: 'temperatur' }, outcome(exchange(422, pydantic)), context).passed,
    ).toBe(true);
    expect(
      namesFieldAssertion.evaluate({ field: 'model' }, outcome(exchange(422, pydantic)), context).passed,
    ).toBe(false);
    expect(requestIdAssertion.evaluate({}, outcome(exchange(422, pydantic)), context).passed).toBe(false);
    expect(
      namesFieldAssertion.evaluate({ field: 'model' }, outcome(exchange(503, 'upstream down')), context)
        .passed,
    ).toBeNull();
    const withId = exchange(422, pydantic, { 'mistral-correlation-id': '019b98cb-9ba7' });
    expect(requestIdAssertion.evaluate({}, outcome(withId), context).passed).toBe(true);
  });

  it('no echo of the key (body or header), of canaries, or of an arbitrary origin with credentials', () => {
    expect(
      noKeyEchoAssertion.evaluate({}, outcome(exchange(401, { detail: 'bad key real-key-1234' })), context)
        .passed,
    ).toBe(false);
    expect(
      noKeyEchoAssertion.evaluate({}, outcome(exchange(401, {}, { 'x-echo': 'real-key-1234' })), context)
        .passed,
    ).toBe(false);
    expect(
      noKeyEchoAssertion.evaluate({}, outcome(exchange(401, { detail: 'Unauthorized' })), context).passed,
    ).toBe(true);
    expect(
      noCanaryEchoAssertion.evaluate({ canary: 'email' }, outcome(exchange(422, pydantic)), context),
    ).toEqual({ passed: true, detail: 'planted email canary not echoed' });
    // A 500 never reached the validation path: its silence is no evidence that echoes do not happen.
    expect(
      noCanaryEchoAssertion.evaluate(
        { canary: 'email' },
        outcome(exchange(500, 'Internal Server Error')),
        context,
      ).passed,
    ).toBeNull();
    const origin = 'https://evil.invalid';
    const reflected = exchange(
      200,
      {},
      { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' },
    );
    expect(noCorsCredentialReflectionAssertion.evaluate({ origin }, outcome(reflected), context).passed).toBe(
      false,
    );
    const star = exchange(200, {}, { 'access-control-allow-origin': '*' });
    expect(noCorsCredentialReflectionAssertion.evaluate({ origin }, outcome(star), context).passed).toBe(
      true,
    );
  });

  it('PII echo (gdpr-criteria P-PIIECHO): the offending value alone is a partial failure, more is a failure', () => {
    const judge = (body: unknown) =>
      noCanaryEchoAssertion.evaluate({ canary: 'email' }, outcome(exchange(422, body)), context);
    const offendingOnly = {
      detail: [
        {
          type: 'extra_forbidden',
          loc: ['body', 'customer_email'],
          msg: 'Extra inputs are not permitted',
          input: 'c@example.invalid',
        },
      ],
    };
    expect(judge(offendingOnly)).toEqual({
      passed: false,
      partial: true,
      detail: 'the 422 error body echoes the offending email value (and nothing more)',
    });
    const dumped = {
      message: 'bad request',
      debug: { request_body: '{"customer_email":"c@example.invalid"}' },
    };
    expect(judge(dumped)).toMatchObject({
      passed: false,
      detail: expect.stringContaining('more of the request'),
    });
    expect(judge(dumped).partial).toBeUndefined();
    const withAnother = { detail: [{ input: 'c@example.invalid' }, { input: 'Canary' }] };
    expect(judge(withAnother).partial).toBeUndefined();
    expect(judge(withAnother).passed).toBe(false);
    expect(judge('error for c@example.invalid').partial).toBeUndefined();
  });

  it('error-status-documented: client-error statuses against the official spec, per operation', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      errorStatusDocumentedAssertion.evaluate({}, outcome(...exchanges), context);
    expect(judge(exchange(422, pydantic))).toEqual({
      passed: true,
      detail: 'documented in the official spec: 422 on POST /v1/chat/completions',
    });
    expect(judge(exchange(422, pydantic), exchange(400, {}))).toEqual({
      passed: false,
      detail:
        'error status not in the official spec: 400 on POST /v1/chat/completions (documented: 200, 422)',
    });
    expect(judge(exchange(503, {})).passed).toBeNull();
    expect(judge(exchange(200, {})).passed).toBeNull();
    const unknownPath = {
      ...exchange(404, {}),
      request: { method: 'GET', url: 'http://127.0.0.1/v1/nowhere', headers: {} },
    };
    expect(judge(unknownPath)).toEqual({ passed: null, detail: 'the operation is not in the official spec' });
    const deleteFile = {
      ...exchange(404, {}),
      request: { method: 'DELETE', url: 'http://127.0.0.1/v1/files/abc-123', headers: {} },
    };
    expect(judge(deleteFile).detail).toContain('404 on DELETE /v1/files/{file_id}');
  });
});

describe('http assertions: details and boundaries', () => {
  const NO_RESPONSE = { passed: null, detail: 'no response to judge' };

  it('status: the default expectation is below 400; details name what was expected', () => {
    const judge = (params: Record<string, unknown>, ...exchanges: ProviderExchange[]) =>
      statusAssertion.evaluate(params, outcome(...exchanges), context);
    expect(judge({}, exchange(399, {}))).toEqual({ passed: true, detail: 'status 399 as expected (< 400)' });
    expect(judge({}, exchange(400, {}))).toEqual({ passed: false, detail: 'status 400, expected < 400' });
    expect(judge({ equals: 401 }, exchange(401, {}), exchange(401, {}))).toEqual({
      passed: true,
      detail: 'status 401 as expected (401)',
    });
    expect(judge({ equals: 401 }, exchange(401, {}), exchange(403, {}))).toEqual({
      passed: false,
      detail: 'status 403, expected 401',
    });
    expect(judge({ in: [401, 403] }, exchange(403, {})).detail).toBe('status 403 as expected (401 or 403)');
    expect(judge({ in: [401, 403] }, exchange(404, {})).detail).toBe('status 404, expected 401 or 403');
    expect(judge({ range: [400, 499] }, exchange(400, {})).detail).toBe('status 400 as expected (400-499)');
    expect(judge({ range: [400, 499] }, exchange(499, {})).passed).toBe(true);
    expect(judge({ range: [400, 499] }, exchange(399, {})).detail).toBe('status 399, expected 400-499');
    expect(judge({ equals: '401' }, exchange(200, {})).passed).toBe(true);
    expect(judge({})).toEqual(NO_RESPONSE);
    expect(judge({}, exchange(null, ''))).toEqual(NO_RESPONSE);
    expect(judge({}, exchange(500, {}), exchange(null, ''), exchange(502, {}))).toEqual({
      passed: null,
      detail: 'not judged: server error 500, 502 (availability judges it)',
    });
    expect(judge({}, exchange(499, {}), exchange(500, {})).detail).toBe('status 499, expected < 400');
  });

  it('status: judges 5xx answers only when the expectation asks for a server error alone', () => {
    const judge = (params: Record<string, unknown>, ...exchanges: ProviderExchange[]) =>
      statusAssertion.evaluate(params, outcome(...exchanges), context);
    expect(judge({ in: [500] }, exchange(500, {})).passed).toBe(true);
    expect(judge({ in: [599] }, exchange(599, {})).passed).toBe(true);
    expect(judge({ equals: 599 }, exchange(598, {}))).toEqual({
      passed: false,
      detail: 'status 598, expected 599',
    });
    expect(judge({ range: [500, 599] }, exchange(200, {}), exchange(503, {})).detail).toBe(
      'status 200, expected 500-599',
    );
    // An expectation that also accepts 200 is about acceptance: its 5xx answers go to availability.
    expect(judge({ range: [200, 599] }, exchange(503, {})).passed).toBeNull();
    expect(judge({ in: [200, 503] }, exchange(503, {})).passed).toBeNull();
  });

  it('not-5xx: boundaries at 400 and 500, and the distinct rejecting statuses', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      not5xxAssertion.evaluate({}, outcome(...exchanges), context);
    expect(judge()).toEqual(NO_RESPONSE);
    expect(judge(exchange(null, ''))).toEqual(NO_RESPONSE);
    expect(judge(exchange(399, {}), exchange(200, {}))).toEqual({
      passed: null,
      detail: 'not judged: the mistake was accepted (399), not answered with an error',
    });
    expect(judge(exchange(null, ''), exchange(400, {}), exchange(499, {}), exchange(400, {}))).toEqual({
      passed: true,
      detail: 'client mistake answered with 400, 499, not 5xx',
    });
    expect(judge(exchange(400, {}), exchange(500, {}))).toEqual({
      passed: false,
      detail: 'server error 500 for a client mistake',
    });
  });

  it('json-content-type: application/json and +json types, in any case', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      jsonContentTypeAssertion.evaluate({}, outcome(...exchanges), context);
    const typed = (type: string | undefined) => {
      const answer = exchange(400, {});
      answer.headers = type === undefined ? {} : { 'content-type': type };
      return answer;
    };
    const OK = { passed: true, detail: 'content-type is application/json' };
    expect(judge(typed('application/json; charset=utf-8'))).toEqual(OK);
    expect(judge(typed('Application/Problem+JSON'))).toEqual(OK);
    expect(judge(typed('application/vnd.api.v1+json'))).toEqual(OK);
    expect(judge(typed('text/plain'))).toEqual({
      passed: false,
      detail: 'content-type "text/plain", not JSON',
    });
    expect(judge(typed(undefined))).toEqual({ passed: false, detail: 'content-type "missing", not JSON' });
    expect(judge(typed('application/json'), typed('text/html'), typed('application/xml')).detail).toBe(
      'content-type "text/html", not JSON',
    );
    expect(judge()).toEqual(NO_RESPONSE);
    expect(judge(typed('text/html'), { ...typed('text/html'), status: 500 })).toEqual({
      passed: false,
      detail: 'content-type "text/html", not JSON',
    });
    expect(judge({ ...typed('text/html'), status: 499 }).passed).toBe(false);
  });

  it('json-body: every answer must parse', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      jsonBodyAssertion.evaluate({}, outcome(...exchanges), context);
    expect(judge(exchange(200, { a: 1 }), exchange(500, []))).toEqual({
      passed: true,
      detail: 'body is valid JSON',
    });
    expect(judge(exchange(200, { a: 1 }), exchange(400, 'oops'))).toEqual({
      passed: false,
      detail: 'body is not valid JSON',
    });
    expect(judge(exchange(null, 'oops'))).toEqual(NO_RESPONSE);
  });

  it('envelope: names the shape, refuses unstructured and empty bodies, or anything outside `in`', () => {
    const judge = (params: Record<string, unknown>, ...exchanges: ProviderExchange[]) =>
      envelopeAssertion.evaluate(params, outcome(...exchanges), context);
    expect(judge({}, exchange(422, pydantic))).toEqual({
      passed: true,
      detail: 'machine-readable envelope (pydantic-detail-list)',
    });
    expect(judge({}, exchange(400, 'plain words'))).toEqual({
      passed: false,
      detail: 'error body is unstructured',
    });
    expect(judge({}, exchange(400, ''))).toEqual({ passed: false, detail: 'error body is empty' });
    expect(judge({ in: ['gateway', 'openai-like'] }, exchange(422, pydantic))).toEqual({
      passed: false,
      detail: 'envelope pydantic-detail-list, expected gateway or openai-like',
    });
    expect(judge({ in: ['pydantic-detail-list'] }, exchange(422, pydantic)).passed).toBe(true);
    // A parsed body is classified as parsed, text as text.
    expect(judge({}, { ...exchange(422, 'not json'), json: pydantic }).passed).toBe(true);
    expect(judge({})).toEqual(NO_RESPONSE);
    expect(judge({}, exchange(null, ''))).toEqual(NO_RESPONSE);
    expect(judge({}, exchange(422, pydantic), exchange(500, '')).passed).toBe(true);
  });

  it('envelope-stable: needs two client answers; names every status/shape pair', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      envelopeStableAssertion.evaluate({}, outcome(...exchanges), context);
    const needsTwo = { passed: null, detail: 'needs at least two answers besides server errors' };
    expect(judge()).toEqual(needsTwo);
    expect(judge(exchange(422, pydantic), exchange(null, ''))).toEqual(needsTwo);
    expect(judge(exchange(422, pydantic), exchange(500, ''))).toEqual(needsTwo);
    expect(judge(exchange(422, pydantic), exchange(422, pydantic), exchange(422, pydantic))).toEqual({
      passed: true,
      detail: 'same status and envelope 422/pydantic-detail-list on all 3 answers',
    });
    expect(judge(exchange(422, pydantic), exchange(400, pydantic), exchange(422, pydantic))).toEqual({
      passed: false,
      detail: 'answers differ: 422/pydantic-detail-list, 400/pydantic-detail-list',
    });
  });

  it('names-field: every client answer must name the field', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      namesFieldAssertion.evaluate({ field: 'temperatur' }, outcome(...exchanges), context);
    expect(judge(exchange(422, pydantic))).toEqual({ passed: true, detail: 'error body names "temperatur"' });
    expect(judge(exchange(422, pydantic), exchange(400, { detail: 'bad' }))).toEqual({
      passed: false,
      detail: 'error body does not name the offending field "temperatur"',
    });
    expect(judge(exchange(422, pydantic), exchange(500, 'bad'))).toEqual({
      passed: true,
      detail: 'error body names "temperatur"',
    });
    expect(judge()).toEqual(NO_RESPONSE);
  });

  it('request-id: a known header, or request_id / id in the body', () => {
    const judge = (...exchanges: ProviderExchange[]) =>
      requestIdAssertion.evaluate({}, outcome(...exchanges), context);
    const PRESENT = { passed: true, detail: 'request id present' };
    const MISSING = { passed: false, detail: 'no request or correlation id' };
    expect(judge(exchange(400, {}, { 'x-request-id': 'r1' }))).toEqual(PRESENT);
    expect(judge(exchange(400, { request_id: 'r1' }))).toEqual(PRESENT);
    expect(judge(exchange(400, { id: 'r1' }))).toEqual(PRESENT);
    expect(judge(exchange(400, { id: 1, request_id: 2 }))).toEqual(MISSING);
    expect(judge(exchange(400, [{ id: 'r1' }]))).toEqual(MISSING);
    expect(judge(exchange(400, { id: 'r1' }), exchange(400, {}))).toEqual(MISSING);
    expect(judge()).toEqual(NO_RESPONSE);
  });

  it('header-present: one name or any of several', () => {
    const judge = (params: Record<string, unknown>, ...exchanges: ProviderExchange[]) =>
      headerPresentAssertion.evaluate(params, outcome(...exchanges), context);
    expect(judge({ name: 'x-a' }, exchange(200, {}, { 'x-a': '1' }))).toEqual({
      passed: true,
      detail: 'header x-a present',
    });
    expect(judge({ name: 'x-a' }, exchange(200, {}, { 'x-a': '1' }), exchange(200, {}))).toEqual({
      passed: false,
      detail: 'missing header x-a',
    });
    expect(judge({ anyOf: ['x-a', 'x-b'], name: 'x-c' }, exchange(200, {}, { 'x-b': '' }))).toEqual({
      passed: true,
      detail: 'header x-a / x-b present',
    });
    expect(judge({ anyOf: ['x-a', 'x-b'] }, exchange(200, {}, { 'x-c': '1' })).detail).toBe(
      'missing header x-a / x-b',
    );
    expect(judge({ name: 'x-a' })).toEqual(NO_RESPONSE);
  });
});
