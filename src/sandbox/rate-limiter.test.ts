/** @module sandbox/rate-limiter.test — token bucket arithmetic with a fake clock. */
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows a burst, refuses with a whole-second Retry-After, then refills per minute rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ requestsPerMinute: 60, burst: 2, tokensPerMinute: 1000 }, () => now);
    expect(limiter.take('k', 10).allowed).toBe(true);
    const second = limiter.take('k', 10);
    expect(second.headers['x-ratelimit-remaining-req-minute']).toBe('0');
    expect(second.headers['x-ratelimit-remaining-tokens-minute']).toBe('980');
    const refused = limiter.take('k', 10);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('other-key', 10).allowed).toBe(true);
    now += 1000;
    expect(limiter.take('k', 10).allowed).toBe(true);
  });

  it('refuses when the token budget is spent', () => {
    const limiter = new RateLimiter({ requestsPerMinute: 600, burst: 100, tokensPerMinute: 100 }, () => 0);
    expect(limiter.take('k', 80).allowed).toBe(true);
    const refused = limiter.take('k', 80);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
