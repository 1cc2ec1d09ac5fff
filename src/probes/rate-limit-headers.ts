/**
 * @module Rate-limit headers of every generation Mistral has sent, plus the common ones, read into numbers:
 * the one parser of Retry-After and reset headers, shared by the burst probe and the runner's 429 waits.
 */

/** Names we look for; any other header containing `ratelimit` is reported too. */
export const RATE_LIMIT_HEADERS = [
  // Mistral, 2026
  'x-ratelimit-limit-req-minute',
  'x-ratelimit-remaining-req-minute',
  'x-ratelimit-limit-tokens-minute',
  'x-ratelimit-remaining-tokens-minute',
  'x-ratelimit-tokens-query-cost',
  // Mistral, 2025 (size-based)
  'ratelimitbysize-limit',
  'ratelimitbysize-remaining',
  'ratelimitbysize-reset',
  'ratelimitbysize-query-cost',
  'x-ratelimitbysize-limit-minute',
  'x-ratelimitbysize-remaining-minute',
  'x-ratelimitbysize-limit-month',
  'x-ratelimitbysize-remaining-month',
  // OpenAI style
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-reset-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-tokens',
  // IETF draft
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'ratelimit',
  'retry-after',
  'retry-after-ms',
] as const;

/** Request-count counters, most specific first (token counters do not move on a models list). */
const REMAINING_REQUESTS = [
  'x-ratelimit-remaining-req-minute',
  'x-ratelimit-remaining-requests',
  'ratelimit-remaining',
  'x-ratelimit-remaining',
];
const LIMIT_REQUESTS = [
  'x-ratelimit-limit-req-minute',
  'x-ratelimit-limit-requests',
  'ratelimit-limit',
  'x-ratelimit-limit',
];
/** Reset headers, request counters first (OpenAI also sends `x-ratelimit-reset-tokens`, for tokens). */
const RESET_HEADERS = [
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-req-minute',
  'ratelimit-reset',
  'ratelimitbysize-reset',
  'x-ratelimit-reset',
];

/** Numbers at least this large are epoch milliseconds (2001-09-09 onwards); smaller but >= EPOCH_SECONDS, epoch seconds. */
const EPOCH_MILLISECONDS = 1e12;
/** 2001-09-09 in seconds: no server means a delta of 31 years. */
const EPOCH_SECONDS = 1e9;

type Headers = Record<string, string>;

/** Rate-limit header names present in `headers`, sorted. */
export function rateLimitHeadersIn(headers: Headers): string[] {
  const known = new Set<string>(RATE_LIMIT_HEADERS);
  return Object.keys(headers)
    .filter((name) => known.has(name) || name.includes('ratelimit'))
    .sort();
}

function firstNumber(headers: Headers, names: string[]): number | null {
  for (const name of names) {
    const value = Number.parseFloat(headers[name] ?? '');
    if (Number.isFinite(value)) return value;
  }
  return null;
}

export function remainingRequests(headers: Headers): number | null {
  return firstNumber(headers, REMAINING_REQUESTS);
}

export function requestLimit(headers: Headers): number | null {
  return firstNumber(headers, LIMIT_REQUESTS);
}

/** `1s`, `6m0s`, `1m30s`, `250ms`, `1h2m` (OpenAI) or plain seconds, in ms; null when not a duration. */
export function parseDurationMs(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) return null;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return parts.reduce((total, part) => total + Number(part[1]) * (unit[part[2] ?? 's'] ?? 1000), 0);
}

/** Retry-After (RFC 9110 §10.2.3): delta seconds or an HTTP date; ms from now, never negative. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const delta = parseDurationMs(value);
  if (delta !== null) return delta;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/**
 * A reset header: delta seconds (`38`, IETF draft, Mistral), a duration (`1m30s`, OpenAI), epoch
 * seconds (`1764158400`, GitHub style) or epoch milliseconds; ms from now, never negative.
 */
export function parseResetMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    if (number >= EPOCH_MILLISECONDS) return Math.max(0, number - nowMs);
    if (number >= EPOCH_SECONDS) return Math.max(0, number * 1000 - nowMs);
    return number * 1000;
  }
  return parseDurationMs(trimmed);
}

export interface AdvisedWait {
  ms: number;
  source: 'retry-after' | 'reset';
}

/**
 * What the server told us to wait: `retry-after-ms` (OpenAI and Azure send it, and their SDKs read it
 * first), then Retry-After, then the first reset header present.
 */
export function advisedWait(headers: Headers, nowMs: number): AdvisedWait | null {
  const retryAfterMs = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return { ms: retryAfterMs, source: 'retry-after' };
  const retryAfter = parseRetryAfterMs(headers['retry-after'], nowMs);
  if (retryAfter !== null) return { ms: retryAfter, source: 'retry-after' };
  for (const name of RESET_HEADERS) {
    const reset = parseResetMs(headers[name], nowMs);
    if (reset !== null) return { ms: reset, source: 'reset' };
  }
  return null;
}
