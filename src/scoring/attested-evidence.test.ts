import { describe, expect, it } from 'vitest';
import type { AttestedClaim } from '../spec/target-profile.ts';
import { isFresh, judgeClaim } from './attested-evidence.ts';
import { makeClaim, TEST_SCORING } from './test-support.ts';

const claim = (overrides: Partial<AttestedClaim>) =>
  makeClaim({ id: 'D-X', component: 'dataProtection.dataResidency', ...overrides });
// Distinct credits, so an unknown cannot pass for a fail or a partial.
const SCORING = { ...TEST_SCORING, unknownFactCredit: 0.2, partialFactCredit: 0.5 };

describe('isFresh', () => {
  it('holds through the re-verify day and compares dates only', () => {
    expect(isFresh({ reverifyBy: '2026-11-25' }, '2026-11-25')).toBe(true);
    expect(isFresh({ reverifyBy: '2026-11-25T00:00:00Z' }, '2026-11-25T23:59:59Z')).toBe(true);
    expect(isFresh({ reverifyBy: '2026-11-24' }, '2026-11-25')).toBe(false);
  });
});

describe('judgeClaim', () => {
  const asOf = '2026-11-25';

  it('gives pass full credit, partial the published share and fail none', () => {
    expect(judgeClaim('D-X', claim({ status: 'pass' }), asOf, SCORING)).toEqual({
      id: 'D-X',
      present: true,
      verdict: 'pass',
      credit: 1,
      unverifiedReason: null,
    });
    expect(judgeClaim('D-X', claim({ status: 'partial' }), asOf, SCORING).credit).toBe(
      SCORING.partialFactCredit,
    );
    expect(judgeClaim('D-X', claim({ status: 'fail' }), asOf, SCORING)).toMatchObject({
      verdict: 'fail',
      credit: 0,
      unverifiedReason: null,
    });
  });

  it('turns absent, stale and unknown facts into unknowns with the unknown credit and a reason', () => {
    const unknown = { verdict: 'unknown', credit: SCORING.unknownFactCredit };
    expect(judgeClaim('D-X', undefined, asOf, SCORING)).toEqual({
      id: 'D-X',
      present: false,
      ...unknown,
      unverifiedReason: 'not in the target profile',
    });
    expect(
      judgeClaim('D-X', claim({ status: 'pass', reverifyBy: '2026-11-24T12:00:00Z' }), asOf, SCORING),
    ).toEqual({ id: 'D-X', present: true, ...unknown, unverifiedReason: 'stale since 2026-11-24' });
    expect(judgeClaim('D-X', claim({ status: 'unknown' }), asOf, SCORING)).toEqual({
      id: 'D-X',
      present: true,
      ...unknown,
      unverifiedReason: 'status unknown',
    });
  });
});
