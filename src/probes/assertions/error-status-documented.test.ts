import { describe, expect, it } from 'vitest';
import type { ProviderExchange } from '../../providers/provider.ts';
import { MISTRAL_CONTEXT, OPENAI_COMPATIBLE_CONTEXT } from '../__fixtures__/assertion-contexts.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { errorStatusDocumentedAssertion } from './error-status-documented.ts';

function exchange(status: number | null, method = 'POST', path = '/v1/chat/completions'): ProviderExchange {
  return {
    request: { method, url: `http://127.0.0.1${path}`, headers: {} },
    status,
    headers: {},
    bodyText: '{}',
    bodyBytes: 2,
    timings: { startedAt: new Date(0).toISOString(), ttfbMs: 1, e2eMs: 2 },
  };
}
const judge = (...exchanges: ProviderExchange[]) =>
  errorStatusDocumentedAssertion.evaluate(
    {},
    { exchanges, measurements: {}, timings: {} } satisfies ProbeOutcome,
    MISTRAL_CONTEXT,
  );
const CHAT = 'POST /v1/chat/completions';

describe('error-status-documented', () => {
  it('judges 4xx answers only', () => {
    const nothing = { passed: null, detail: 'no client-error answer to judge' };
    expect(judge()).toEqual(nothing);
    expect(judge(exchange(null), exchange(200), exchange(399), exchange(500), exchange(503))).toEqual(
      nothing,
    );
    expect(judge(exchange(400)).passed).toBe(false);
    expect(judge(exchange(499)).passed).toBe(false);
  });

  it('names each status and operation once, documented or not', () => {
    expect(judge(exchange(422), exchange(422))).toEqual({
      passed: true,
      detail: `documented in the official spec: 422 on ${CHAT}`,
    });
    expect(judge(exchange(422), exchange(422, 'POST', '/v1/embeddings'))).toEqual({
      passed: true,
      detail: `documented in the official spec: 422 on ${CHAT}; 422 on POST /v1/embeddings`,
    });
    expect(judge(exchange(400), exchange(422), exchange(401), exchange(400))).toEqual({
      passed: false,
      detail: `error status not in the official spec: 400 on ${CHAT} (documented: 200, 422); 401 on ${CHAT} (documented: 200, 422)`,
    });
  });

  it('is not applicable when no 4xx answer is to an operation of the spec', () => {
    const unknown = { passed: null, detail: 'the operation is not in the official spec' };
    expect(judge(exchange(404, 'GET', '/v1/nowhere'))).toEqual(unknown);
    expect(judge(exchange(404, 'GET', '/v1/nowhere'), exchange(200))).toEqual(unknown);
    expect(judge(exchange(404, 'GET', '/v1/nowhere'), exchange(422)).passed).toBe(true);
  });

  it('is not judged for a target not held to the spec (OpenAI answers 400 where Mistral documents 422)', () => {
    const answered = { exchanges: [exchange(400)], measurements: {}, timings: {} } satisfies ProbeOutcome;
    expect(judge(exchange(400)).passed).toBe(false);
    expect(
      errorStatusDocumentedAssertion.evaluate({}, answered, OPENAI_COMPATIBLE_CONTEXT).passed,
    ).toBeNull();
  });
});
