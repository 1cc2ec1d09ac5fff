import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Rubric } from '../spec/rubric.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { checkTargetProfileFile } from '../suite/load-target-profile.ts';

const fileOf = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const read = (relative: string) => readFileSync(fileOf(relative), 'utf8');
const rubric = parse(read('rubrics/default.yaml')) as Rubric;
const profiles = {
  mistral: parse(read('fixtures/profiles/mistral.yaml')) as TargetProfile,
  sandbox: parse(read('fixtures/profiles/sandbox.yaml')) as TargetProfile,
};
const SEED = read('fixtures/recorded/seed-scorecard-mistral.txt');

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
function ngrams(text: string, size: number): Set<string> {
  const list = words(text);
  return new Set(
    list
      .slice(0, Math.max(0, list.length - size + 1))
      .map((_, index) => list.slice(index, index + size).join(' ')),
  );
}

describe.each(Object.entries(profiles))('fixtures/profiles/%s.yaml', (name, profile) => {
  it('passes the target-profile schema', async () => {
    const { diagnostics } = await checkTargetProfileFile(fileOf(`fixtures/profiles/${name}.yaml`));
    expect(diagnostics).toEqual([]);
  });

  it('only carries claims the rubric reads, each under its component, with a sane freshness window', () => {
    for (const claim of profile.claims) {
      expect(Object.keys(rubric.components[claim.component]?.attested ?? {}), claim.id).toContain(claim.id);
      expect(claim.reverifyBy >= claim.retrievedDate, claim.id).toBe(true);
      expect(claim.quote.length < 120 || claim.quote.startsWith('(paraphrase)'), claim.id).toBe(true);
    }
  });

  it('attests every claim the rubric reads (missing ones would silently count as unknown)', () => {
    const expected = Object.values(rubric.components).flatMap((component) =>
      Object.keys(component?.attested ?? {}),
    );
    expect(profile.claims.map((claim) => claim.id).sort()).toEqual(expected.sort());
  });

  it('writes its descriptive sections in its own words (no 8-word run copied from the seed page)', () => {
    const seed = ngrams(SEED, 8);
    const { sections } = profile;
    const texts = [
      sections.bestWhen,
      sections.avoidWhen,
      ...sections.useCases,
      ...sections.notFor,
      sections.authentication.notes,
      sections.pricing.notes,
      ...profile.gotchas.flatMap((gotcha) => [gotcha.title, gotcha.detail]),
    ];
    for (const text of texts) {
      const copied = [...ngrams(text, 8)].filter((gram) => seed.has(gram));
      expect(copied, text).toEqual([]);
    }
  });
});

describe('mistral.yaml', () => {
  const claim = (id: string) => profiles.mistral.claims.find((candidate) => candidate.id === id);

  it('states facts, never the seed page scores', () => {
    const text = read('fixtures/profiles/mistral.yaml');
    expect(text).not.toMatch(/^\s*score\s*:/m);
    // The seed's component numbers (Documentation 82, Rate Limits 80, Scope 70, Dependency Hygiene 82,
    // Uptime 82) appear nowhere in the profile, as a score or otherwise.
    expect(text.match(/\b(62|70|80|82|83|92)\b/g) ?? []).toEqual([]);
    expect(claim('sla')?.status).toBe('partial');
    expect(claim('key-scopes')?.status).toBe('partial');
  });

  it('ties the reworded seed gotchas to the probes that can confirm them', () => {
    const probeIds = profiles.mistral.gotchas.flatMap((gotcha) => gotcha.probeIds);
    expect(probeIds).toEqual(
      expect.arrayContaining([
        'json-mode/json-object-without-word-json',
        'tool-calls/agent-loop',
        'tool-calls/auto-irrelevant',
      ]),
    );
  });
});

describe('sandbox.yaml', () => {
  it('attests nothing: every fact is unknown and none carries a score', () => {
    for (const claim of profiles.sandbox.claims) {
      expect(claim.status, claim.id).toBe('unknown');
      expect(Object.keys(claim), claim.id).not.toContain('score');
    }
  });
});
