import { describe, expect, it } from 'vitest';
import { throttleWait } from './throttle-wait.ts';

const options = { nowMs: Date.parse('2026-11-25T12:00:00Z'), random: () => 0.5, maxWaitMs: 60_000 };

describe('throttleWait', () => {
  it('waits as Retry-After says, in seconds or as a date', () => {
    expect(throttleWait({ 'retry-after': '3' }, 1, options)).toEqual({ waitMs: 3000, source: 'retry-after' });
    expect(throttleWait({ 'retry-after': 'Wed, 25 Nov 2026 12:00:05 GMT' }, 1, options)).toEqual({
      waitMs: 5000,
      source: 'retry-after',
    });
  });

  it('falls back to reset headers, including durations like 6m0s', () => {
    expect(throttleWait({ 'x-ratelimit-reset-requests': '1s' }, 1, options)).toEqual({
      waitMs: 1000,
      source: 'reset-header',
    });
    expect(throttleWait({ 'ratelimitbysize-reset': '38' }, 1, options)).toEqual({
      waitMs: 38_000,
      source: 'reset-header',
    });
  });

  it('backs off exponentially with jitter when the target says nothing, capped', () => {
    expect(throttleWait({}, 1, options).waitMs).toBe(750);
    expect(throttleWait({}, 3, options).waitMs).toBe(3000);
    expect(throttleWait({}, 20, options).waitMs).toBe(45_000);
    expect(throttleWait({ 'retry-after': '86400' }, 1, options).waitMs).toBe(60_000);
  });

  it('waits until an epoch reset, in seconds or milliseconds, instead of not at all', () => {
    const inSeconds = String(options.nowMs / 1000 + 7);
    expect(throttleWait({ 'x-ratelimit-reset': inSeconds }, 1, options)).toEqual({
      waitMs: 7000,
      source: 'reset-header',
    });
    expect(throttleWait({ 'x-ratelimit-reset': String(options.nowMs + 2500) }, 1, options).waitMs).toBe(2500);
  });
});
