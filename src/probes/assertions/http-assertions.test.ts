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
