import { describe, expect, it } from 'vitest';
import { availabilityPoints, latencyPoints } from './band-points.ts';

describe('latencyPoints', () => {
  const bands = [
    { atMostMs: 250, points: 100 },
    { atMostMs: 500, points: 70 },
  ];

  it('includes each band edge and falls to 0 past the last', () => {
    expect(latencyPoints(250, bands)).toBe(100);
    expect(latencyPoints(250.01, bands)).toBe(70);
    expect(latencyPoints(500, bands)).toBe(70);
    expect(latencyPoints(500.01, bands)).toBe(0);
  });
});

describe('availabilityPoints', () => {
  const bands = [
    { atLeast: 0.999, points: 100 },
    { atLeast: 0.99, points: 60 },
  ];

  it('includes each band edge, forgives floating-point noise and falls to 0 below the last', () => {
    expect(availabilityPoints(0.999, bands)).toBe(100);
    expect(availabilityPoints(999 / 1000 - 1e-12, bands)).toBe(100);
    expect(availabilityPoints(0.9989, bands)).toBe(60);
    expect(availabilityPoints(0.98, bands)).toBe(0);
  });
});
