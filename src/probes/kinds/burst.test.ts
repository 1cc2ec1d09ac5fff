import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  sendJson,
  startTestServer,
  type TestHandler,
  type TestServer,
} from '../__fixtures__/probe-test-context.ts';
import {
  rateLimit429StatusAssertion,
  rateLimitHeadersPresentAssertion,
  rateLimitJsonBodyAssertion,
  rateLimitRemainingHonestAssertion,
  rateLimitRetryAfterAssertion,
  retryAfterRecoversAssertion,
} from '../assertions/rate-limit-assertions.ts';
import { observationOf } from '../observation.ts';
import type { ProbeOutcome } from '../probe-kind.ts';
import { burstKind, judgeRemaining } from './burst.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MODELS = { object: 'list', data: [] };
/** Mistral's 2026 429 body (cline/cline#9085). */
const MISTRAL_429 = {
  object: 'error',
  message: 'Rate limit exceeded',
  type: 'rate_limited',
  param: null,
  code: '1300',
};

/** A token bucket like Mistral's: `limit` requests, refilled `refillMs` after it runs dry. */
function bucket(limit: number, refillMs: number): TestHandler {
  let remaining = limit;
  let refillAt: number | null = null;
  return (_request, _body, response) => {
    if (refillAt !== null && Date.now() >= refillAt) {
      remaining = limit;
      refillAt = null;
    }
    if (remaining > 0) {
      remaining -= 1;
      return sendJson(response, 200, MODELS, {
        'x-ratelimit-limit-req-minute': String(limit),
        'x-ratelimit-remaining-req-minute': String(remaining),
      });
    }
    refillAt ??= Date.now() + refillMs;
    const seconds = String(Math.ceil((refillAt - Date.now()) / 1000));
    sendJson(response, 429, MISTRAL_429, { 'retry-after': seconds, 'x-ratelimit-remaining-req-minute': '0' });
  };
}

async function burst(handler: TestHandler, parameters: Record<string, unknown>): Promise<ProbeOutcome> {
  server = await startTestServer(handler);
  const { context, provider } = createTestContext({
    baseUrl: server.baseUrl,
    probe: { kind: 'burst', with: parameters },
  });
  const outcome = await burstKind.run(context);
  await provider.close();
  return outcome;
}

const ASSERTIONS = [
  rateLimitHeadersPresentAssertion,
  rateLimit429StatusAssertion,
  rateLimitRetryAfterAssertion,
  rateLimitJsonBodyAssertion,
  rateLimitRemainingHonestAssertion,
  retryAfterRecoversAssertion,
];
const judge = (outcome: ProbeOutcome) =>
  Object.fromEntries(
    ASSERTIONS.map((assertion) => [assertion.name, assertion.evaluate({}, outcome, {} as never).passed]),
  );

describe('burst kind', () => {
  it('sees a well-behaved limiter throttle with 429, tell the wait, and recover', async () => {
    const outcome = await burst(bucket(20, 1000), { concurrency: 4, maxRequests: 100 });
    expect(observationOf(outcome, 'burst')!).toMatchObject({
      requestsBefore429: 20,
      first429: { status: 429, retryAfter: '1', envelope: 'openai-like', jsonBody: true },
      remainingHonest: true,
      recovered: true,
      waitSource: 'retry-after',
      stoppedBy: 'throttled',
      headersSeen: ['retry-after', 'x-ratelimit-limit-req-minute', 'x-ratelimit-remaining-req-minute'],
    });
    expect(observationOf(outcome, 'burst')!.waitedMs).toBeGreaterThanOrEqual(900);
    expect(Object.values(judge(outcome)).every((passed) => passed === true)).toBe(true);
    expect(outcome.exchanges.map((exchange) => exchange.status)).toEqual([200, 429, 200]);
  });

  it('fails a server that breaks with 5xx under load, without rate-limit headers', async () => {
    let count = 0;
    const outcome = await burst(
      (_request, _body, response) => {
        count += 1;
        if (count <= 10) return sendJson(response, 200, MODELS);
        response.writeHead(503, { 'content-type': 'text/html' }).end('<html>Service Unavailable</html>');
      },
      { concurrency: 4, maxRequests: 30 },
    );
    expect(observationOf(outcome, 'burst')!).toMatchObject({
      first429: null,
      serverErrors: 20,
      stoppedBy: 'max-requests',
      sent: 30,
    });
    expect(judge(outcome)).toEqual({
      'ratelimit-headers-present': false,
      'ratelimit-429-status': false,
      'ratelimit-retry-after': null,
      'ratelimit-json-body': null,
      'ratelimit-remaining-honest': null,
      'retry-after-recovers': null,
    });
  });

  it('catches a remaining counter that lies and a bare-text 429 without Retry-After', async () => {
    let count = 0;
    let throttledAt = 0;
    const outcome = await burst(
      (_request, _body, response) => {
        count += 1;
        if (count <= 10 || (throttledAt && Date.now() - throttledAt > 150)) {
          return sendJson(response, 200, MODELS, { 'x-ratelimit-remaining-req-minute': '100' });
        }
        throttledAt ||= Date.now();
        response.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
      },
      { concurrency: 2, maxRequests: 50, maxWaitSeconds: 0.3 },
    );
    expect(observationOf(outcome, 'burst')!).toMatchObject({
      remainingHonest: false,
      waitSource: 'none',
      recovered: true,
    });
    expect(judge(outcome)).toMatchObject({
      'ratelimit-retry-after': false,
      'ratelimit-json-body': false,
      'ratelimit-remaining-honest': false,
      'retry-after-recovers': true,
    });
  });

  it('stops at the time bound and skips a target without the endpoint', async () => {
    const slow = await burst(
      (_request, _body, response) => setTimeout(() => sendJson(response, 200, MODELS), 50),
      {
        concurrency: 2,
        maxSeconds: 0.3,
      },
    );
    expect(observationOf(slow, 'burst')!).toMatchObject({ stoppedBy: 'max-seconds', first429: null });
    await server?.close();
    const missing = await burst(
      (_request, _body, response) => sendJson(response, 404, { detail: 'Not Found' }),
      {},
    );
    expect(missing.skip?.reason).toBe('not-supported');
  });
});

describe('judgeRemaining', () => {
  it('accepts a countdown to 0 and a refill to the limit, rejects a rise mid-window', () => {
    expect(judgeRemaining([5, 4, 3, 2, 1, 0], 5, 1)).toBe(true);
    expect(judgeRemaining([2, 1, 0, 5, 4, 3, 1], 5, 1)).toBe(true);
    expect(judgeRemaining([10, 9, 8, 30, 2, 0], 100, 1)).toBe(false);
    expect(judgeRemaining([100, 100, 100], 100, 1)).toBe(false);
    expect(judgeRemaining([], 100, 1)).toBeNull();
  });
});
