/** @module How long a target asks us to wait after a 429: Retry-After, reset headers, else backoff. */

const RESET_HEADERS = [
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset',
  'ratelimit-reset',
  'ratelimitbysize-reset',
  'x-ratelimit-reset-req-minute',
];

/** Parses `12`, `1.5`, `6m0s`, `250ms`, `1h2m3s` into milliseconds; null when not a duration. */
export function parseDurationMs(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) return null;
  const scale: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return parts.reduce((total, part) => total + Number(part[1]) * (scale[part[2] ?? 's'] ?? 1000), 0);
}

/** Retry-After as seconds or an HTTP date. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const seconds = parseDurationMs(value);
  if (seconds !== null) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

export interface ThrottleAdvice {
  waitMs: number;
  source: 'retry-after' | 'reset-header' | 'backoff';
}

/**
 * What the target said, else exponential backoff with full jitter (1 s base, as free tiers allow
 * about one request a second). Always capped so a hostile header cannot stall the run.
 */
export function throttleWait(
  headers: Record<string, string>,
  attempt: number,
  options: { nowMs: number; random: () => number; maxWaitMs: number },
): ThrottleAdvice {
  const retryAfter = parseRetryAfterMs(headers['retry-after'], options.nowMs);
  if (retryAfter !== null) return { waitMs: Math.min(retryAfter, options.maxWaitMs), source: 'retry-after' };
  for (const name of RESET_HEADERS) {
    const value = headers[name];
    const reset = value === undefined ? null : parseDurationMs(value);
    // Some APIs send an epoch timestamp as reset; treat values that large as a date.
    if (reset !== null) {
      const waitMs = reset > 1e12 ? Math.max(0, reset / 1000 - options.nowMs) : reset;
      return { waitMs: Math.min(waitMs, options.maxWaitMs), source: 'reset-header' };
    }
  }
  const ceiling = Math.min(options.maxWaitMs, 1000 * 2 ** (attempt - 1));
  return { waitMs: Math.round(ceiling / 2 + (options.random() * ceiling) / 2), source: 'backoff' };
}
