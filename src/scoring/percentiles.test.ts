import { describe, expect, it } from 'vitest';
import { nearestRank, percentiles } from './percentiles.ts';

describe('percentiles (nearest rank)', () => {
  it('picks observed values at rank ceil(p × n)', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index); // 100..1, unsorted input
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, samples: 100 });
  });

  it('handles small samples without interpolation', () => {
    expect(percentiles([30, 10, 20])).toEqual({ p50: 20, p95: 30, p99: 30, samples: 3 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, samples: 1 });
  });

  it('is null with no samples and ignores non-finite values', () => {
    expect(percentiles([])).toEqual({ p50: null, p95: null, p99: null, samples: 0 });
    expect(percentiles([Number.NaN, Number.POSITIVE_INFINITY, 5])).toEqual({
      p50: 5,
      p95: 5,
      p99: 5,
      samples: 1,
    });
    expect(nearestRank([], 50)).toBeNull();
  });

  it('p0-ish ranks never fall below the first value', () => {
    expect(nearestRank([1, 2, 3], 0)).toBe(1);
  });
});
