/** @module Rate-limit headers of every generation Mistral has sent, plus the common ones, read into numbers. */

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
const RESET_HEADERS = [
  'x-ratelimit-reset-requests',
  'ratelimit-reset',
  'ratelimitbysize-reset',
  'x-ratelimit-reset',
];

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

/** `1s`, `6m0s`, `250ms`, `1h2m` (OpenAI) or plain seconds, in ms. */
export function parseDurationMs(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) return null;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return parts.reduce((total, part) => total + Number(part[1]) * (unit[part[2] ?? 's'] ?? 1000), 0);
}

export interface AdvisedWait {
  ms: number;
  source: 'retry-after' | 'reset';
}

/** What the server told us to wait: Retry-After (seconds or HTTP date) first, then a reset header. */
export function advisedWait(headers: Headers, nowMs: number): AdvisedWait | null {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = parseDurationMs(retryAfter);
    if (seconds !== null) return { ms: seconds, source: 'retry-after' };
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return { ms: Math.max(0, date - nowMs), source: 'retry-after' };
  }
  for (const name of RESET_HEADERS) {
    const value = headers[name];
    const ms = value === undefined ? null : parseDurationMs(value);
    // Some servers send an epoch timestamp in x-ratelimit-reset; more than a day ahead means epoch seconds.
    if (ms !== null) return { ms: ms > 86_400_000 ? Math.max(0, ms - nowMs) : ms, source: 'reset' };
  }
  return null;
}
