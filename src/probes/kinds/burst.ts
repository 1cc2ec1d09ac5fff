/** @module `burst`: a bounded burst of cheap requests to see how the target throttles, what it says, and whether it recovers. */
import type { ProviderExchange, ProviderRequest } from '../../providers/provider.ts';
import { classifyEnvelope } from '../classify-envelope.ts';
import {
  emptyOutcome,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
  parametersOf,
} from '../probe-kind.ts';
import { advisedWait, rateLimitHeadersIn, remainingRequests, requestLimit } from '../rate-limit-headers.ts';
import { exchangeJson } from '../response-body.ts';

export interface BurstObservations {
  headersSeen: string[];
  /** Answers (baseline included) completed before the first 429; null when none came within bounds. */
  requestsBefore429: number | null;
  first429: { status: number; retryAfter: string | null; envelope: string; jsonBody: boolean } | null;
  /** Remaining counter reached ~0 by the first 429 and never rose except on a window refill; null when unknowable. */
  remainingHonest: boolean | null;
  recovered: boolean | null;
  recoveryStatus: number | null;
  waitedMs: number;
  waitSource: 'retry-after' | 'reset' | 'none' | null;
  sent: number;
  serverErrors: number;
  connectionErrors: number;
  stoppedBy: 'throttled' | 'max-requests' | 'max-seconds' | 'interrupted' | 'send-error';
}

interface BurstState {
  completed: number;
  sent: number;
  sentAfter429: number;
  serverErrors: number;
  connectionErrors: number;
  first429: ProviderExchange | null;
  requestsBefore429: number | null;
  stoppedBy: BurstObservations['stoppedBy'];
  sendError: string | null;
}

/** Extra requests after the first 429, to see that throttling is steady rather than a blip. */
const AFTER_FIRST_429 = 3;

export interface BurstParameters {
  /** The request repeated in the burst (GET). */
  path?: string;
  maxRequests?: number;
  maxSeconds?: number;
  concurrency?: number;
  /** Longest wait for recovery after the first 429, whatever the server advises. */
  maxWaitSeconds?: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Honest: the last counter before the 429 was within the in-flight margin of 0; rises only as refills to the limit. */
export function judgeRemaining(series: number[], limit: number | null, margin: number): boolean | null {
  if (series.length === 0) return null;
  const last = series[series.length - 1] ?? 0;
  for (let index = 1; index < series.length; index += 1) {
    const previous = series[index - 1] ?? 0;
    const current = series[index] ?? 0;
    const refill = limit !== null && current >= limit - margin;
    if (current > previous + margin && !refill) return false;
  }
  return last <= margin;
}

export const burstKind: ProbeKind<'burst'> = {
  name: 'burst',
  parameters: {
    type: 'object',
    properties: {
      path: { type: 'string', pattern: '^/' },
      maxRequests: { type: 'integer', minimum: 1, maximum: 100_000 },
      maxSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 3600 },
      concurrency: { type: 'integer', minimum: 1, maximum: 1000 },
      maxWaitSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 3600 },
    },
    additionalProperties: false,
  },
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const parameters = parametersOf<BurstParameters>(context);
    const maxRequests = parameters.maxRequests ?? 300;
    const deadline = performance.now() + (parameters.maxSeconds ?? 20) * 1000;
    const concurrency = Math.min(parameters.concurrency ?? 16, maxRequests);
    const maxWaitMs = (parameters.maxWaitSeconds ?? 30) * 1000;
    const request: ProviderRequest = {
      method: 'GET',
      path: parameters.path ?? '/v1/models',
      auth: { mode: 'bearer' },
      timeoutMs: context.timeoutMs,
    };
    const send = () => context.send(request, { acceptThrottle: true });

    const baseline = await send();
    outcome.exchanges.push(baseline);
    outcome.timings = { ttfbMs: baseline.timings.ttfbMs ?? undefined, e2eMs: baseline.timings.e2eMs };
    if (baseline.status === null) {
      outcome.failure = {
        reason: baseline.failure?.reason ?? 'connection-reset',
        detail: baseline.failure?.message ?? 'no answer',
      };
      return outcome;
    }
    if (baseline.status === 404 || baseline.status === 405) {
      outcome.skip = { reason: 'not-supported', detail: `${request.path} answered ${baseline.status}` };
      return outcome;
    }

    const headersSeen = new Set(rateLimitHeadersIn(baseline.headers));
    const remainingSeries: number[] = [];
    const limit = requestLimit(baseline.headers);
    // Written by the workers below; one object so reads after the burst are not narrowed to the initial values.
    const state: BurstState = {
      completed: 0,
      sent: 1,
      sentAfter429: 0,
      serverErrors: 0,
      connectionErrors: 0,
      first429: null,
      requestsBefore429: null,
      stoppedBy: 'max-requests',
      sendError: null,
    };
    const record = (exchange: ProviderExchange) => {
      state.completed += 1;
      for (const name of rateLimitHeadersIn(exchange.headers)) headersSeen.add(name);
      if (exchange.status === null) state.connectionErrors += 1;
      else if (exchange.status >= 500) state.serverErrors += 1;
      if (exchange.status === 429 && !state.first429) {
        state.first429 = exchange;
        state.requestsBefore429 = state.completed - 1;
        outcome.exchanges.push(exchange);
      }
      const remaining = remainingRequests(exchange.headers);
      if (!state.first429 && remaining !== null) remainingSeries.push(remaining);
    };
    record(baseline);
    const stop = (): boolean => {
      if (context.signal.aborted) state.stoppedBy = 'interrupted';
      else if (state.first429 && state.sentAfter429 >= AFTER_FIRST_429) state.stoppedBy = 'throttled';
      else if (state.sent >= maxRequests) state.stoppedBy = 'max-requests';
      else if (performance.now() >= deadline) state.stoppedBy = 'max-seconds';
      else return false;
      return true;
    };
    const worker = async (): Promise<void> => {
      while (!state.sendError && !stop()) {
        state.sent += 1;
        if (state.first429) state.sentAfter429 += 1;
        try {
          record(await send());
        } catch (error) {
          // The runner's budget ran out mid-burst: keep what was seen instead of losing it.
          state.sendError = error instanceof Error ? error.message : String(error);
          state.stoppedBy = 'send-error';
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));

    let waitedMs = 0;
    let waitSource: BurstObservations['waitSource'] = null;
    let recovery: ProviderExchange | null = null;
    const throttled = state.first429;
    if (throttled && !state.sendError) {
      const advice = advisedWait(throttled.headers, Date.now());
      waitSource = advice?.source ?? 'none';
      const waitStarted = performance.now();
      await sleep(Math.min(advice?.ms ?? maxWaitMs, maxWaitMs), context.signal);
      waitedMs = Math.round(performance.now() - waitStarted);
      // A spent budget leaves recovery unjudged (null) rather than discarding the burst.
      recovery = await send().catch(() => null);
      if (recovery) outcome.exchanges.push(recovery);
    }

    const json = throttled ? exchangeJson(throttled) : undefined;
    const observations: BurstObservations = {
      headersSeen: [...headersSeen].sort(),
      requestsBefore429: state.requestsBefore429,
      first429: throttled
        ? {
            status: 429,
            retryAfter: throttled.headers['retry-after'] ?? null,
            envelope: classifyEnvelope(json ?? throttled.bodyText),
            jsonBody: json !== undefined,
          }
        : null,
      remainingHonest: throttled ? judgeRemaining(remainingSeries, limit, concurrency + 1) : null,
      recovered: recovery
        ? recovery.status !== null && recovery.status >= 200 && recovery.status < 300
        : null,
      recoveryStatus: recovery?.status ?? null,
      waitedMs,
      waitSource,
      sent: state.sent,
      serverErrors: state.serverErrors,
      connectionErrors: state.connectionErrors,
      stoppedBy: state.stoppedBy,
    };
    outcome.observation = { kind: 'burst', data: observations };
    outcome.measurements = {
      burst: { sent: state.sent, requestsBefore429: state.requestsBefore429, waitedMs },
    };
    return outcome;
  },
};
