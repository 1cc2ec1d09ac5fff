/**
 * @module Webhook alert sink: POSTs a JSON message (monitor sends alert-message.ts's, with `text`
 * and `alerts`) with retries (exponential backoff + jitter, Retry-After honoured) and parks
 * undeliverable payloads in an outbox file. Never throws.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Dispatcher, request } from 'undici';
import type { Alert } from './alert.ts';

/** What every payload has; monitor's AlertMessage adds Slack blocks and the incident fields. */
export interface WebhookPayload {
  /** Slack-compatible summary. */
  text: string;
  alerts: Alert[];
}

export interface WebhookOptions {
  url: string;
  payload: WebhookPayload;
  /** Where undeliverable payloads are appended as JSON lines (the URL is not written: it is a secret). */
  outboxPath: string;
  dispatcher?: Dispatcher;
  /** Per attempt; default 5000. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
  /** Applied to error messages before they are reported or written. */
  scrub?: (text: string) => string;
}

export interface WebhookDelivery {
  status: 'delivered' | 'undeliverable';
  attempts: number;
  httpStatus: number | null;
  error: string | null;
  /** Set when the payload was parked in the outbox. */
  outboxPath: string | null;
}

interface FailedAttempt {
  ok: false;
  httpStatus: number | null;
  error: string;
  retryable: boolean;
  retryAfterMs: number | null;
}
type AttemptOutcome = { ok: true; httpStatus: number } | FailedAttempt;

const defaultSleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** Retry-After as seconds or an HTTP date, in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function attempt(options: WebhookOptions, body: string): Promise<AttemptOutcome> {
  const timeoutMs = options.timeoutMs ?? 5000;
  try {
    const response = await request(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      dispatcher: options.dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    const httpStatus = response.statusCode;
    if (httpStatus >= 200 && httpStatus < 300) return { ok: true, httpStatus };
    return {
      ok: false,
      httpStatus,
      error: `HTTP ${httpStatus}`,
      retryable: httpStatus === 429 || httpStatus >= 500,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
    };
  } catch (error) {
    return {
      ok: false,
      httpStatus: null,
      error: (error as Error).message || String(error),
      retryable: true,
      retryAfterMs: null,
    };
  }
}

export async function deliverWebhook(options: WebhookOptions): Promise<WebhookDelivery> {
  const scrub = options.scrub ?? ((text: string) => text);
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const body = JSON.stringify(options.payload);

  let attempts = 0;
  let failure: FailedAttempt;
  for (;;) {
    attempts++;
    const outcome = await attempt(options, body);
    if (outcome.ok)
      return { status: 'delivered', attempts, httpStatus: outcome.httpStatus, error: null, outboxPath: null };
    failure = outcome;
    if (!outcome.retryable || attempts > retries) break;
    const backoff = baseDelayMs * 2 ** (attempts - 1) + random() * baseDelayMs;
    await sleep(Math.min(maxDelayMs, outcome.retryAfterMs ?? backoff));
  }

  const error = scrub(failure.error);
  const { httpStatus } = failure;
  try {
    mkdirSync(dirname(options.outboxPath), { recursive: true });
    const entry = {
      createdAt: new Date().toISOString(),
      attempts,
      httpStatus,
      error,
      payload: options.payload,
    };
    appendFileSync(options.outboxPath, `${JSON.stringify(entry)}\n`);
    return { status: 'undeliverable', attempts, httpStatus, error, outboxPath: options.outboxPath };
  } catch (outboxError) {
    const detail = scrub((outboxError as Error).message);
    return {
      status: 'undeliverable',
      attempts,
      httpStatus,
      error: `${error}; outbox not written: ${detail}`,
      outboxPath: null,
    };
  }
}
