import { describe, expect, it } from 'vitest';
import type { CheckResult, ProbeResult } from '../../spec/probe-result.ts';
import { resultKey } from '../../spec/result-key.ts';
import type { AttestedClaim, TargetProfile } from '../../spec/target-profile.ts';
import { mistralProfile } from '../__fixtures__/profile.ts';
import { probeResult } from '../__fixtures__/results.ts';
import { fullScorecard } from '../__fixtures__/scorecards.ts';
import { buildDpaAssessment } from './build-dpa-assessment.ts';
import { DOCUMENTARY_CRITERIA, TESTED_MEASURES } from './dpa-catalogue.ts';
import { renderDpaHtml } from './render-dpa-html.ts';
import { renderDpaMarkdown } from './render-dpa-markdown.ts';

function check(id: string, passed: boolean | null, partial?: boolean): CheckResult {
  return { id, component: null, passed, detail: `${id} detail`, ...(partial ? { partial } : {}) };
}

function withChecks(suite: string, probe: string, checks: CheckResult[]): ProbeResult {
  const failed = checks.some((item) => item.passed === false);
  return { ...probeResult(suite, probe, 1, { status: failed ? 'failed' : 'passed' }), checks };
}

const RESULTS: ProbeResult[] = [
  withChecks('auth', 'no-key', [check('unauthenticated-rejected', true)]),
  withChecks('data-handling', 'pii-in-unknown-field', [check('pii-not-echoed', false, true)]),
  withChecks('data-handling', 'canary-key', [check('key-not-echoed', false)]),
  withChecks('data-handling', 'file-erasure', [check('file-erased', null)]),
];
const LINES = new Map(RESULTS.map((result, index) => [resultKey(result), index + 1]));

function claim(id: string, status: AttestedClaim['status'], reverifyBy = '2099-01-01'): AttestedClaim {
  return {
    id,
    component: 'dataProtection.processorTerms',
    criterion: `${id} criterion`,
    quote: `${id} quote`,
    sourceUrl: `https://example.test/${id}`,
    effectiveDate: '2026-07-27',
    retrievedDate: '2026-11-01',
    status,
    confidence: 'primary-legal',
    reverifyBy,
  };
}

function profileWith(claims: AttestedClaim[]): TargetProfile {
  return { ...mistralProfile(), claims };
}

describe('buildDpaAssessment', () => {
  const profile = profileWith([
    claim('D-DPA', 'pass'),
    claim('D-TRAINING', 'partial'),
    claim('D-AUDIT', 'unknown'),
    claim('D-BREACH', 'pass', '2020-01-01'),
  ]);
  const assessment = buildDpaAssessment({
    scorecard: fullScorecard(),
    results: RESULTS,
    profile,
    resultLines: LINES,
  });

  it('judges each measure from its checks: partial, failed, verified, not tested', () => {
    const verdict = (id: string) => assessment.measures.find((measure) => measure.id === id)?.verdict;
    expect(verdict('pii-not-echoed')).toBe('partially met');
    expect(verdict('key-not-echoed')).toBe('failed');
    expect(verdict('authentication')).toBe('verified');
    expect(verdict('erasure')).toBe('not tested');
    expect(assessment.measures).toHaveLength(TESTED_MEASURES.length);
  });

  it('links every measured statement to an existing result line', () => {
    const refs = assessment.measures.flatMap((measure) => measure.evidence);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.line).not.toBeNull();
      expect(resultKey(RESULTS[(ref.line ?? 0) - 1] as ProbeResult)).toBe(ref.probe);
    }
  });

  it('asks the vendor about every unknown, stale or absent fact and every untested measure', () => {
    const unknownFacts = assessment.facts.filter((fact) => fact.verdict === 'unknown').map((fact) => fact.id);
    expect(unknownFacts).toContain('D-AUDIT');
    expect(unknownFacts).toContain('D-BREACH');
    const asked = assessment.questions.map((question) => question.about);
    for (const id of unknownFacts) expect(asked).toContain(id);
    expect(asked).toContain('erasure');
    expect(asked).not.toContain('D-DPA');
    expect(assessment.questions.find((question) => question.about === 'D-BREACH')?.because).toBe('stale');
    expect(assessment.questions.find((question) => question.about === 'D-EXIT')?.because).toBe('absent');
    expect(assessment.facts).toHaveLength(DOCUMENTARY_CRITERIA.length);
  });

  it('turns failed measures and failed or partial facts into DPIA risks with a suggested measure', () => {
    const risks = assessment.risks.map((risk) => risk.risk);
    expect(risks.some((risk) => /echo submitted values/.test(risk))).toBe(true);
    expect(risks.some((risk) => /API key is echoed/.test(risk))).toBe(true);
    expect(risks.some((risk) => /training/i.test(risk))).toBe(true);
    for (const risk of assessment.risks) expect(risk.measure.length).toBeGreaterThan(10);
  });

  it('rates each Art. 28(3) point by its weakest fact or measure', () => {
    const point = (letter: string) => assessment.article28.find((entry) => entry.letter === letter);
    expect(point('a')?.verdict).toBe('partly met');
    expect(point('c')?.verdict).toBe('not met');
    expect(point('h')?.verdict).toBe('unknown');
    expect(assessment.article28.map((entry) => entry.letter)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]);
  });

  it('says nothing was verified by test when the run could not measure', () => {
    const scorecard = {
      ...fullScorecard(),
      validity: { valid: false, reason: 'unreachable' as const, message: 'nothing answered' },
    };
    const invalid = buildDpaAssessment({ scorecard, results: RESULTS, profile, resultLines: LINES });
    expect(invalid.measures.every((measure) => measure.verdict === 'not tested')).toBe(true);
    expect(renderDpaMarkdown(invalid)).toContain('could not measure the target');
  });
});

describe('rendering', () => {
  const hostile = '<img src=x onerror=alert(1)> `code` [link](javascript:alert(1)) {{x}}';
  const profile = profileWith([
    { ...claim('D-DPA', 'pass'), quote: hostile, sourceUrl: 'javascript:alert(1)' },
  ]);
  const scorecard = { ...fullScorecard(), target: { ...fullScorecard().target, name: hostile } };
  const assessment = buildDpaAssessment({ scorecard, results: RESULTS, profile, resultLines: LINES });

  it('keeps target and profile text inert in HTML', () => {
    const html = renderDpaHtml(assessment);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src&#x3D;x');
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4/);
  });

  it('keeps target and profile text inert in Markdown', () => {
    const markdown = renderDpaMarkdown(assessment);
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toMatch(/[^\\]\]\(javascript:/);
    expect(markdown.split('\n').filter((line) => line.startsWith('## '))).toEqual([
      '## The processing described',
      '## Summary for the DPIA',
      '## Art. 28(3): what the processor must commit to',
      '## Documentary criteria (attested facts)',
      '## Art. 32 measures verified by test',
      '## Open questions for the vendor',
    ]);
  });
});
