import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { AssertionContext } from '../assertion.ts';
import type { Canaries, ProbeOutcome } from '../probe-kind.ts';
import {
  noCanaryEchoAssertion,
  noCookiesAssertion,
  noCorsCredentialReflectionAssertion,
  noKeyEchoAssertion,
  piiEcho,
} from './echo-assertions.ts';

function exchange(
  status: number | null,
  body: unknown,
  headers: Record<string, string> = {},
): ProviderExchange {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: { method: 'POST', url: 'http://127.0.0.1/v1/chat/completions', headers: {} },
    status,
    headers,
    bodyText,
    bodyBytes: bodyText.length,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
  };
}
const outcome = (...exchanges: ProviderExchange[]): ProbeOutcome => ({
  exchanges,
  measurements: {},
  timings: {},
});
const canaries: Canaries = {
  email: 'c@example.invalid',
  name: 'Canary Person',
  phone: '+00 1',
  apiKey: 'canaryKEY123',
  fileText: 'canary file text',
};
const context = {
  containsSecret: (text: string) => text.includes('real-key-1234'),
  canaries,
} as unknown as AssertionContext;
const NO_RESPONSE = { passed: null, detail: 'no response to judge' };

describe('piiEcho', () => {
  const email = canaries.email;
  it('is none without the canary, offending-value when only a JSON string equals it', () => {
    expect(piiEcho('{"detail":"bad"}', email, [])).toBe('none');
    expect(piiEcho(JSON.stringify({ input: email }), email, [])).toBe('offending-value');
    expect(piiEcho(JSON.stringify({ detail: [{ input: email }, [email]] }), email, ['Canary Person'])).toBe(
      'offending-value',
    );
    // Null, numbers and booleans hold no text to visit.
    expect(piiEcho(JSON.stringify({ input: email, ctx: null, n: 1, ok: false }), email, [])).toBe(
      'offending-value',
    );
    expect(piiEcho(JSON.stringify([null, email]), email, [])).toBe('offending-value');
    // An empty other canary is ignored (every text includes '').
    expect(piiEcho(JSON.stringify({ input: email }), email, [''])).toBe('offending-value');
  });

  it('is more when the canary sits in other text, in a key, with another canary, or outside JSON', () => {
    expect(piiEcho(JSON.stringify({ msg: `bad ${email}` }), email, [])).toBe('more');
    expect(piiEcho(JSON.stringify({ list: [[`x${email}`]] }), email, [])).toBe('more');
    expect(piiEcho(JSON.stringify({ nested: { [email]: 1 } }), email, [])).toBe('more');
    expect(piiEcho(JSON.stringify({ a: email, b: 'Canary Person' }), email, ['Canary Person'])).toBe('more');
    expect(piiEcho(`error for ${email}`, email, [])).toBe('more');
    expect(piiEcho(JSON.stringify({ [email]: email }), email, [])).toBe('more');
  });
});

describe('no-key-echo', () => {
  const judge = (...exchanges: ProviderExchange[]) =>
    noKeyEchoAssertion.evaluate({}, outcome(...exchanges), context);
  it('is not applicable without an answer', () => {
    expect(judge()).toEqual(NO_RESPONSE);
    expect(judge(exchange(null, 'real-key-1234'))).toEqual(NO_RESPONSE);
  });
  it('names the status of a body, or the header, that carries the key', () => {
    expect(judge(exchange(200, { ok: true }), exchange(401, 'bad key real-key-1234'))).toEqual({
      passed: false,
      detail: 'the API key (or 8+ characters of it) came back in the 401 body',
    });
    expect(judge(exchange(401, {}, { 'x-ok': 'fine', 'x-echo': 'Bearer real-key-1234' }))).toEqual({
      passed: false,
      detail: 'the API key came back in response header x-echo',
    });
    expect(
      judge(exchange(null, 'real-key-1234'), exchange(401, { detail: 'Unauthorized' }, { a: 'b' })),
    ).toEqual({
      passed: true,
      detail: 'the key was not echoed',
    });
  });
});

describe('no-canary-echo', () => {
  const judge = (params: Record<string, unknown>, ...exchanges: ProviderExchange[]) =>
    noCanaryEchoAssertion.evaluate(params, outcome(...exchanges), context);
  it('judges 4xx answers only', () => {
    expect(judge({})).toEqual({ passed: null, detail: 'no error response to judge' });
    expect(
      judge({}, exchange(null, canaries.email), exchange(200, canaries.email), exchange(399, canaries.email)),
    ).toEqual({
      passed: null,
      detail: 'no error response to judge',
    });
    expect(judge({}, exchange(503, canaries.email), exchange(500, ''))).toEqual({
      passed: null,
      detail: 'only 503 answers: the validation error was never reached',
    });
    expect(judge({}, exchange(400, `x ${canaries.email}`)).passed).toBe(false);
    expect(judge({}, exchange(499, `x ${canaries.email}`)).passed).toBe(false);
  });

  it('uses the email canary unless another is named, and compares it with the others', () => {
    expect(judge({}, exchange(422, { detail: 'bad' }))).toEqual({
      passed: true,
      detail: 'planted email canary not echoed',
    });
    expect(judge({}, exchange(422, { input: canaries.email }))).toEqual({
      passed: false,
      partial: true,
      detail: 'the 422 error body echoes the offending email value (and nothing more)',
    });
    expect(judge({ canary: 'phone' }, exchange(422, { input: canaries.email }))).toEqual({
      passed: true,
      detail: 'planted phone canary not echoed',
    });
    expect(judge({ canary: 'phone' }, exchange(400, { input: canaries.phone, name: canaries.name }))).toEqual(
      {
        passed: false,
        detail: 'planted phone canary echoed in the 400 error body with more of the request',
      },
    );
    // The canary itself is not among the "others": alone it stays the offending value.
    expect(judge({ canary: 'name' }, exchange(422, { input: canaries.name })).partial).toBe(true);
  });

  it('fails on the first answer that echoes more, even after a partial one', () => {
    expect(
      judge(
        {},
        exchange(422, { input: canaries.email }),
        exchange(400, `dump ${canaries.email}`),
        exchange(422, {}),
      ),
    ).toEqual({
      passed: false,
      detail: 'planted email canary echoed in the 400 error body with more of the request',
    });
    expect(judge({}, exchange(400, { input: canaries.email }), exchange(422, { ok: 1 })).detail).toBe(
      'the 400 error body echoes the offending email value (and nothing more)',
    );
  });
});

describe('no-cookies', () => {
  const judge = (...exchanges: ProviderExchange[]) =>
    noCookiesAssertion.evaluate({}, outcome(...exchanges), context);
  it('names the first cookie set, without its value', () => {
    expect(judge()).toEqual(NO_RESPONSE);
    expect(judge(exchange(null, '', { 'set-cookie': 'a=b' }))).toEqual(NO_RESPONSE);
    expect(judge(exchange(200, {}))).toEqual({ passed: true, detail: 'no cookies set' });
    expect(judge(exchange(null, '', { 'set-cookie': 'a=b' }), exchange(200, {}))).toEqual({
      passed: true,
      detail: 'no cookies set',
    });
    expect(judge(exchange(200, {}), exchange(401, {}, { 'set-cookie': 'session=secret; Path=/' }))).toEqual({
      passed: false,
      detail: 'API response sets a cookie (session)',
    });
  });
});

describe('no-cors-credential-reflection', () => {
  const origin = 'https://evil.invalid';
  const judge = (...exchanges: ProviderExchange[]) =>
    noCorsCredentialReflectionAssertion.evaluate({ origin }, outcome(...exchanges), context);
  const cors = (allowOrigin: string, credentials: string) =>
    exchange(
      200,
      {},
      { 'access-control-allow-origin': allowOrigin, 'access-control-allow-credentials': credentials },
    );
  const SAFE = { passed: true, detail: 'arbitrary origins are not granted credentialed access' };
  it('fails only the origin reflected with credentials', () => {
    expect(judge()).toEqual(NO_RESPONSE);
    expect(judge(exchange(null, '', { 'access-control-allow-origin': origin }))).toEqual(NO_RESPONSE);
    expect(judge(cors(origin, 'true'))).toEqual({
      passed: false,
      detail: 'arbitrary Origin https://evil.invalid reflected with credentials allowed',
    });
    expect(judge(exchange(200, {}), cors(origin, 'true')).passed).toBe(false);
    expect(judge(cors(origin, 'false'))).toEqual(SAFE);
    expect(judge(cors('*', 'true'))).toEqual(SAFE);
    expect(judge(exchange(200, {}, { 'access-control-allow-credentials': 'true' }))).toEqual(SAFE);
  });
});
