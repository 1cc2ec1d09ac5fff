/**
 * @module The assessment with the Mistral profile (facts only, sourced), re-scored offline on recorded
 * faithful-sandbox evidence, checked point by point against reference/gdpr-criteria.md (copied into
 * the repository's fixtures) as someone who knows Art. 28 would read it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../spec/probe-result.ts';
import { resultKey } from '../../spec/result-key.ts';
import { loadTargetProfile } from '../../suite/load-target-profile.ts';
import { fullScorecard } from '../__fixtures__/scorecards.ts';
import { buildDpaAssessment } from './build-dpa-assessment.ts';
import { renderDpaMarkdown } from './render-dpa-markdown.ts';

const RESULTS = readFileSync(
  new URL('../../scoring/__fixtures__/faithful-demo-results.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as ProbeResult);

describe('the DPA assessment of Mistral (profile facts + faithful sandbox evidence)', async () => {
  const profile = await loadTargetProfile(
    new URL('../../../fixtures/profiles/mistral.yaml', import.meta.url).pathname,
  );
  const scorecard = {
    ...fullScorecard(),
    finishedAt: '2026-11-26T10:00:00Z',
    startedAt: '2026-11-26T09:59:00Z',
  };
  const assessment = buildDpaAssessment({
    scorecard,
    results: RESULTS,
    profile,
    resultLines: new Map(RESULTS.map((result, index) => [resultKey(result), index + 1])),
  });
  const fact = (id: string) => assessment.facts.find((entry) => entry.id === id);
  const point = (letter: string) => assessment.article28.find((entry) => entry.letter === letter);

  it('reads the documentary criteria as gdpr-criteria.md records them', () => {
    // DPA, SCCs 2021/914 or adequacy, breach notice without undue delay, privacy contact: in the DPA.
    for (const id of ['D-DPA', 'D-TRANSFER', 'D-BREACH', 'D-DPO', 'D-SUBPROC'])
      expect(fact(id)?.verdict, id).toBe('pass');
    // Controller for training (unless opted out) and abuse monitoring; the global endpoint commits to
    // no location: both only partly meet the criterion.
    expect(fact('D-ROLES')?.verdict).toBe('partial');
    expect(fact('D-LOCATION')?.verdict).toBe('partial');
    // What the public documents do not settle stays unknown and is asked of the vendor.
    for (const id of ['D-AUDIT', 'D-DSR', 'D-EXIT']) expect(fact(id)?.verdict, id).toBe('unknown');
    for (const entry of assessment.facts.filter((item) => !item.absent))
      expect(entry.sourceUrl, entry.id).toMatch(/^https:\/\/(legal|docs)\.mistral\.ai\//);
  });

  it('rates each Art. 28(3) point by what speaks to it', () => {
    expect(point('a')?.verdict).toBe('partly met'); // D-ROLES partial
    expect(point('b')?.verdict).toBe('met'); // confidentiality: in the DPA
    expect(point('d')?.verdict).toBe('met'); // sub-processors listed with notice
    expect(point('e')?.verdict).toBe('unknown'); // data-subject requests: not documented
    expect(point('h')?.verdict).toBe('unknown'); // audits: not documented
  });

  it('asks the vendor, citing the article, about every unknown', () => {
    const asked = new Map(assessment.questions.map((question) => [question.about, question]));
    expect(asked.get('D-AUDIT')?.articles).toBe('Art. 28(3)(h)');
    expect(asked.get('D-DSR')?.articles).toContain('Art. 28(3)(e)');
    expect(asked.get('D-EXIT')?.articles).toBe('Art. 28(3)(g)');
    expect(asked.has('D-DPA')).toBe(false);
  });

  it('puts the measured echo and the partial facts into the DPIA summary with measures', () => {
    const markdown = renderDpaMarkdown(assessment);
    expect(markdown).toMatch(/Error responses echo submitted values[^\n]*results\.jsonl line \d+/);
    expect(markdown).toMatch(/Purposes where the provider acts as controller: only partly met/);
    expect(markdown).toMatch(
      /Processing location per endpoint and feature: only partly met[^\n]*(regional|EU)/,
    );
  });
});
