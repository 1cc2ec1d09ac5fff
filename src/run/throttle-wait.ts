/** @module How long to wait after a 429: what the target said (the shared header parser), else backoff. */
import { advisedWait } from '../probes/rate-limit-headers.ts';

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
  const advice = advisedWait(headers, options.nowMs);
  if (advice)
    return {
      waitMs: Math.min(advice.ms, options.maxWaitMs),
      source: advice.source === 'retry-after' ? 'retry-after' : 'reset-header',
    };
  const ceiling = Math.min(options.maxWaitMs, 1000 * 2 ** (attempt - 1));
  return { waitMs: Math.round(ceiling / 2 + (options.random() * ceiling) / 2), source: 'backoff' };
}
