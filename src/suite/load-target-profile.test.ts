/** @module Tests for load-target-profile.ts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { loadTargetProfile, targetProfileFile } from './load-target-profile.ts';
import { writeTempFiles } from './temp-files.ts';
import { ValidationError } from './validation-error.ts';

const validProfile = await readFile(new URL('./__fixtures__/valid-profile.yaml', import.meta.url), 'utf8');

async function messagesFor(text: string): Promise<{ file: string; messages: string[] }> {
  const root = await writeTempFiles({ 'fixtures/profiles/mistral.yaml': text });
  const error = await loadTargetProfile('mistral', join(root, 'fixtures/profiles')).catch(
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return {
    file: join(root, 'fixtures/profiles/mistral.yaml'),
    messages: (error as ValidationError).diagnostics.map(formatDiagnostic),
  };
}

describe('loadTargetProfile', () => {
  it('loads a profile by name from the profiles directory', async () => {
    const root = await writeTempFiles({ 'fixtures/profiles/mistral.yaml': validProfile });
    const profile = await loadTargetProfile('mistral', join(root, 'fixtures/profiles'));
    expect(profile.name).toBe('mistral');
    expect(profile.claims.map((claim) => claim.id)).toEqual(['D-DPA', 'doc-accuracy']);
    expect(profile.claims[0]?.effectiveDate).toBe('2025-01-01');
    expect(profile.claims[1]?.effectiveDate).toBeNull();
  });

  it('treats a value with a slash or .yaml as a path', () => {
    expect(targetProfileFile('mistral', 'profiles')).toBe(join('profiles', 'mistral.yaml'));
    expect(targetProfileFile('./x/mistral.yaml', 'profiles')).toBe('./x/mistral.yaml');
  });

  it('rejects a claim with a bad date', async () => {
    const { file, messages } = await messagesFor(
      validProfile.replace('reverifyBy: 2027-05-20', 'reverifyBy: 2027-13-40'),
    );
    expect(messages).toEqual([
      `${file}:17:5 claims[0].reverifyBy: must be an ISO date (YYYY-MM-DD), got "2027-13-40"`,
    ]);
  });

  it('rejects a date that is not a date at all, and an unknown component', async () => {
    const broken = validProfile
      .replace('effectiveDate: 2025-01-01', 'effectiveDate: last spring')
      .replace('component: agentFriendliness.documentation', 'component: documentation');
    const { file, messages } = await messagesFor(broken);
    expect(messages[0]).toBe(
      `${file}:13:5 claims[0].effectiveDate: must be an ISO date (YYYY-MM-DD), got "last spring"`,
    );
    expect(messages[1]).toMatch(
      new RegExp(`^${file.replaceAll('.', '\\.')}:19:5 claims\\[1\\]\\.component: must be one of `),
    );
  });

  it('rejects duplicate claim ids and an unknown status', async () => {
    const broken = validProfile
      .replace('id: doc-accuracy', 'id: D-DPA')
      .replace('status: partial', 'status: maybe');
    const { file, messages } = await messagesFor(broken);
    expect(messages).toEqual([
      `${file}:18:5 claims[1].id: duplicate claim id "D-DPA" (also claims[0])`,
      `${file}:25:5 claims[1].status: must be one of "pass", "partial", "fail", "unknown"; got "maybe"`,
    ]);
  });

  it('reports a missing profile file', async () => {
    const root = await writeTempFiles({});
    await expect(loadTargetProfile('nope', root)).rejects.toThrow(/nope\.yaml:1:1 cannot read file: ENOENT/);
  });
  describe('prices', () => {
    const price = (model: string, currency: string, reverifyBy: string) =>
      [
        `  - model: ${model}`,
        `    currency: ${currency}`,
        '    inputPerMillion: 0.1',
        '    outputPerMillion: 0.3',
        '    batchDiscount: 0.5',
        '    asOf: 2026-11-26',
        '    source: https://example.com/pricing',
        `    reverifyBy: ${reverifyBy}`,
      ].join('\n');
    const withPrices = (...entries: string[]) =>
      validProfile.replace('\nsources:', `\nprices:\n${entries.join('\n')}\nsources:`);

    it('loads a list price per model', async () => {
      const root = await writeTempFiles({
        'fixtures/profiles/mistral.yaml': withPrices(price('small', 'EUR', '2027-01-01')),
      });
      const profile = await loadTargetProfile('mistral', join(root, 'fixtures/profiles'));
      expect(profile.prices).toEqual([
        {
          model: 'small',
          currency: 'EUR',
          inputPerMillion: 0.1,
          outputPerMillion: 0.3,
          batchDiscount: 0.5,
          asOf: '2026-11-26',
          source: 'https://example.com/pricing',
          reverifyBy: '2027-01-01',
        },
      ]);
    });

    it('names the file, line and field of a bad currency, a duplicate model and a reverify date before asOf', async () => {
      const { file, messages } = await messagesFor(
        withPrices(price('small', 'euro', '2027-01-01'), price('small', 'EUR', '2026-01-01')),
      );
      expect(messages).toEqual([
        expect.stringMatching(new RegExp(`^${file.replaceAll('.', '\\.')}:43:5 prices\\[0\\]\\.currency: `)),
        `${file}:50:5 prices[1].model: duplicate price for model "small" (also prices[0])`,
        `${file}:57:5 prices[1].reverifyBy: reverifyBy 2026-01-01 is before asOf 2026-11-26`,
      ]);
    });
  });
});
