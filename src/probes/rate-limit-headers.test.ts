import { describe, expect, it } from 'vitest';
import {
  advisedWait,
  parseDurationMs,
  parseResetMs,
  parseRetryAfterMs,
  rateLimitHeadersIn,
  remainingRequests,
  requestLimit,
} from './rate-limit-headers.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('parseDurationMs', () => {
  it('reads plain seconds and the duration forms OpenAI sends', () => {
    expect(parseDurationMs('12')).toBe(12_000);
    expect(parseDurationMs('1.5')).toBe(1500);
    expect(parseDurationMs('1m30s')).toBe(90_000);
    expect(parseDurationMs('6m0s')).toBe(360_000);
    expect(parseDurationMs('250ms')).toBe(250);
    expect(parseDurationMs('1h2m3s')).toBe(3_723_000);
    expect(parseDurationMs('soon')).toBeNull();
    expect(parseDurationMs('1m soon')).toBeNull();
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfterMs('3', NOW)).toBe(3000);
    expect(parseRetryAfterMs('Wed, 25 Nov 2026 12:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 25 Nov 2026 11:59:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfterMs(undefined, NOW)).toBeNull();
    expect(parseRetryAfterMs('', NOW)).toBeNull();
    expect(parseRetryAfterMs('later', NOW)).toBeNull();
  });
});

describe('parseResetMs', () => {
  it('reads delta seconds, durations, epoch seconds and epoch milliseconds', () => {
    expect(parseResetMs('38', NOW)).toBe(38_000);
    expect(parseResetMs('1m30s', NOW)).toBe(90_000);
    expect(parseResetMs(String(NOW / 1000 + 20), NOW)).toBe(20_000);
    expect(parseResetMs(String(NOW + 1500), NOW)).toBe(1500);
    expect(parseResetMs(String(NOW / 1000 - 5), NOW)).toBe(0);
    expect(parseResetMs(undefined, NOW)).toBeNull();
    expect(parseResetMs('tomorrow', NOW)).toBeNull();
  });
});

describe('advisedWait', () => {
  it('prefers Retry-After, then the request reset headers', () => {
    expect(advisedWait({ 'retry-after': '2', 'x-ratelimit-reset-requests': '9s' }, NOW)).toEqual({
      ms: 2000,
      source: 'retry-after',
    });
    expect(advisedWait({ 'x-ratelimit-reset-requests': '9s', 'x-ratelimit-reset': '1' }, NOW)).toEqual({
      ms: 9000,
      source: 'reset',
    });
    expect(advisedWait({ 'x-ratelimit-reset': String(NOW / 1000 + 4) }, NOW)).toEqual({
      ms: 4000,
      source: 'reset',
    });
    expect(advisedWait({ 'content-type': 'application/json' }, NOW)).toBeNull();
    // OpenAI's and Azure's millisecond hint comes first, as their SDKs read it.
    expect(advisedWait({ 'retry-after-ms': '1500', 'retry-after': '2' }, NOW)).toEqual({
      ms: 1500,
      source: 'retry-after',
    });
    expect(advisedWait({ 'retry-after-ms': 'soon', 'retry-after': '2' }, NOW)?.ms).toBe(2000);
  });
});

describe('counters', () => {
  it('reads the request counters and lists the rate-limit headers present', () => {
    const headers = {
      'x-ratelimit-limit-req-minute': '1200',
      'x-ratelimit-remaining-req-minute': '1187',
      'x-ratelimit-remaining-tokens-minute': '4999000',
      'x-custom-ratelimit-note': 'x',
      'content-type': 'application/json',
    };
    expect(requestLimit(headers)).toBe(1200);
    expect(remainingRequests(headers)).toBe(1187);
    expect(rateLimitHeadersIn(headers)).toEqual([
      'x-custom-ratelimit-note',
      'x-ratelimit-limit-req-minute',
      'x-ratelimit-remaining-req-minute',
      'x-ratelimit-remaining-tokens-minute',
    ]);
  });
});
