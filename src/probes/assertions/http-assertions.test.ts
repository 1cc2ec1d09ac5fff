import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import type { Canaries, ProbeOutcome } from '../probe-kind.ts';
import {
  noCanaryEchoAssertion,
  noCorsCredentialReflectionAssertion,
  noKeyEchoAssertion,
} from './echo-assertions.ts';
import {
  envelopeAssertion,
  envelopeStableAssertion,
  jsonContentTypeAssertion,
  namesFieldAssertion,
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
  return { exchanges, measurements: {}, timings: {}, observations: {} };
}

const canaries: Canaries = {
  email: 'c@example.invalid',
  name: 'Canary',
  phone: '+00 1',
  apiKey: 'canaryKEY123',
  fileText: 'x',
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
      statusAssertion.evaluate({ range: [400, 499] }, outcome(exchange(422, {}), exchange(500, {})), context)
        .passed,
    ).toBe(false);
    expect(statusAssertion.evaluate({ equals: 401 }, outcome(exchange(null, '')), context).passed).toBeNull();
  });

  it('envelope: known shapes pass, HTML does not', () => {
    expect(envelopeAssertion.evaluate({}, outcome(exchange(422, pydantic)), context).passed).toBe(true);
    const html = exchange(500, '<html>Internal Server Error</html>', { 'content-type': 'text/html' });
    expect(envelopeAssertion.evaluate({}, outcome(html), context).passed).toBe(false);
    expect(jsonContentTypeAssertion.evaluate({}, outcome(html), context).passed).toBe(false);
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
      noCanaryEchoAssertion.evaluate(
        { canary: 'email' },
        outcome(exchange(422, { input: 'c@example.invalid' })),
        context,
      ).passed,
    ).toBe(false);
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
});
