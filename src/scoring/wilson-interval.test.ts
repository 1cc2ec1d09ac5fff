import { describe, expect, it } from 'vitest';
import { wilsonRate } from './wilson-interval.ts';

describe('wilsonRate', () => {
  it('matches hand-computed 95 % intervals', () => {
    // 3 of 3: p=1, n=3 → centre 0.7188, margin 0.2812 → [0.4385, 1]
    expect(wilsonRate(3, 3)).toEqual({ numerator: 3, denominator: 3, value: 1, low: 0.4385, high: 1 });
    // 9 of 10 → [0.5958, 0.9821]
    expect(wilsonRate(9, 10)).toMatchObject({ value: 0.9, low: 0.5958, high: 0.9821 });
    // 0 of 20 → [0, 0.1611]
    expect(wilsonRate(0, 20)).toMatchObject({ value: 0, low: 0, high: 0.1611 });
  });

  it('has no value without a denominator', () => {
    expect(wilsonRate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null, low: null, high: null });
  });

  it('narrows as samples grow', () => {
    const small = wilsonRate(5, 10);
    const large = wilsonRate(500, 1000);
    expect((large.high ?? 0) - (large.low ?? 0)).toBeLessThan((small.high ?? 0) - (small.low ?? 0));
  });
});
