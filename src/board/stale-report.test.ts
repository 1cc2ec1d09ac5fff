import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../suite/create-ajv.ts';
import { profileWithClaim, threeEntries } from './__fixtures__/board-entries.ts';
import { staleFacts } from './stale-facts.ts';
import { buildStaleReport, formatStaleReport } from './stale-report.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const schema = JSON.parse(readFileSync(new URL('../../schemas/stale.schema.json', import.meta.url), 'utf8'));

describe('staleFacts', () => {
  it('counts a fact as fresh through its reverifyBy day and stale from the day after', () => {
    expect(staleFacts(profileWithClaim('p', '2026-11-26'), NOW)).toEqual([]);
    expect(staleFacts(profileWithClaim('p', '2026-11-25'), NOW)).toMatchObject([
      { claimId: 'D-DPA', daysOverdue: 1 },
    ]);
  });

  it('counts a price past its reverifyBy as a stale fact (the scorecard then gives no cost)', () => {
    const price = {
      model: 'm',
      currency: 'EUR',
      inputPerMillion: 1,
      outputPerMillion: 2,
      batchDiscount: null,
      asOf: '2026-08-01',
      source: 'https://example.test/pricing',
    };
    const profile = {
      ...profileWithClaim('p', '2027-01-01'),
      prices: [
        { ...price, reverifyBy: '2026-11-20' },
        { ...price, model: 'fresh', reverifyBy: '2026-12-20' },
      ],
    };
    expect(staleFacts(profile, NOW)).toEqual([
      { profile: 'p', claimId: 'price:m', component: 'cost', reverifyBy: '2026-11-20', daysOverdue: 6 },
    ]);
  });
});

describe('buildStaleReport', () => {
  it('lists facts past reverifyBy (each profile once) and targets not run for N days', () => {
    const report = buildStaleReport({
      now: NOW,
      days: 30,
      profiles: [profileWithClaim('beta-profile', '2026-11-01'), profileWithClaim('fresh', '2027-01-01')],
      entries: threeEntries(),
    });
    expect(report.profilesChecked).toEqual(['alpha-profile', 'beta-profile', 'fresh']);
    expect(report.facts.map((fact) => `${fact.profile}/${fact.claimId}`)).toEqual(['beta-profile/D-DPA']);
    expect(report.targets).toEqual([
      { name: 'beta', startedAt: '2026-09-01T10:00:00.000Z', ageDays: 86, runDir: null },
    ]);
    expect(report.stale).toBe(true);
    const validate = createAjv().compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(formatStaleReport(report)).toContain('beta: 86 days (2026-09-01T10:00:00.000Z)');
  });

  it('is not stale when every fact is fresh and every run recent', () => {
    const report = buildStaleReport({
      now: NOW,
      days: 100,
      profiles: [profileWithClaim('fresh', '2027-01-01')],
      entries: threeEntries().slice(0, 1),
    });
    expect(report.stale).toBe(false);
    expect(formatStaleReport(report)).toContain('nothing stale');
  });
});
