/** @module sandbox/rate-limiter — per-key token buckets for requests and tokens, with Mistral's 2026 header names. */

export interface RateLimitSettings {
  requestsPerMinute: number;
  burst: number;
  tokensPerMinute: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until one request fits again (≥ 1); 0 when allowed. */
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

interface Bucket {
  requests: number;
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly #settings: RateLimitSettings;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(settings: RateLimitSettings, now: () => number = () => performance.now()) {
    this.#settings = settings;
    this.#now = now;
  }

  /** Takes one request and `tokenCost` tokens from the key's buckets when both have room. */
  take(key: string, tokenCost: number): RateLimitDecision {
    const { requestsPerMinute, burst, tokensPerMinute } = this.#settings;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { requests: burst, tokens: tokensPerMinute, updatedAt: now };
    const elapsedMinutes = (now - bucket.updatedAt) / 60_000;
    bucket.requests = Math.min(burst, bucket.requests + elapsedMinutes * requestsPerMinute);
    bucket.tokens = Math.min(tokensPerMinute, bucket.tokens + elapsedMinutes * tokensPerMinute);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);

    const allowed = bucket.requests >= 1 && bucket.tokens >= Math.min(tokenCost, tokensPerMinute);
    let retryAfterSeconds = 0;
    if (allowed) {
      bucket.requests -= 1;
      bucket.tokens -= tokenCost;
    } else {
      const requestWaitMinutes = Math.max(0, 1 - bucket.requests) / requestsPerMinute;
      const tokenWaitMinutes =
        Math.max(0, Math.min(tokenCost, tokensPerMinute) - bucket.tokens) / tokensPerMinute;
      retryAfterSeconds = Math.max(1, Math.ceil(Math.max(requestWaitMinutes, tokenWaitMinutes) * 60));
    }
    return {
      allowed,
      retryAfterSeconds,
      headers: {
        'x-ratelimit-limit-req-minute': String(requestsPerMinute),
        'x-ratelimit-remaining-req-minute': String(allowed ? Math.floor(bucket.requests) : 0),
        'x-ratelimit-limit-tokens-minute': String(tokensPerMinute),
        'x-ratelimit-remaining-tokens-minute': String(Math.max(0, Math.floor(bucket.tokens))),
        'x-ratelimit-tokens-query-cost': String(tokenCost),
      },
    };
  }
}
