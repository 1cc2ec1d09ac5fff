import { describe, expect, it } from 'vitest';
import { mannWhitneyU, median } from './mann-whitney.ts';

// Reference values from scipy.stats.mannwhitneyu(a, b, method='asymptotic') (scipy 1.17).
describe('mannWhitneyU', () => {
  it('matches scipy on a small textbook sample without ties', () => {
    const result = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(result.u).toBe(17);
    expect(result.pValue).toBeCloseTo(0.11134688653314041, 6);
  });

  it('matches scipy with ties (tie correction applied)', () => {
    const result = mannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 8]);
    expect(result.u).toBe(7.5);
    expect(result.pValue).toBeCloseTo(0.006373133838085873, 6);
  });

  it('finds a clear shift highly significant', () => {
    const first = Array.from({ length: 30 }, (_, index) => index + 1);
    const second = Array.from({ length: 30 }, (_, index) => index + 21);
    const result = mannWhitneyU(first, second);
    expect(result.u).toBe(50);
    expect(result.pValue / 3.479739872462848e-9).toBeCloseTo(1, 3);
    expect(result.z).toBeLessThan(0);
  });

  it('returns p = 1 for all-tied or empty samples', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5, 5]).pValue).toBe(1);
    expect(mannWhitneyU([], [1, 2]).pValue).toBe(1);
  });

  it('is symmetric in its p-value', () => {
    const a = [3, 8, 1, 9, 4, 4];
    const b = [10, 12, 7, 15];
    expect(mannWhitneyU(a, b).pValue).toBeCloseTo(mannWhitneyU(b, a).pValue, 12);
  });
});

describe('median', () => {
  it('handles odd, even and empty samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
