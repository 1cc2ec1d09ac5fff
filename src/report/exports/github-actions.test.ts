import { describe, expect, it } from 'vitest';
import { fullScorecard } from '../__fixtures__/scorecards.ts';
import { githubAnnotations, githubStepSummary } from './github-actions.ts';

describe('GitHub Actions output', () => {
  it('escapes workflow commands so target text cannot inject another one', () => {
    const text = githubAnnotations([
      { level: 'error', title: 'gate: security, min', message: 'security 70 < 80\n::error::injected 100%' },
    ]);
    expect(text).toBe('::error title=gate%3A security%2C min::security 70 < 80%0A::error::injected 100%25\n');
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('summarises the headline scores and the findings', () => {
    const scorecard = fullScorecard();
    const summary = githubStepSummary(
      scorecard,
      [{ level: 'warning', title: 'regression', message: 'security -12' }],
      'https://ci.example.test/report.html',
    );
    expect(summary).toContain(`| Security | ${scorecard.scores.security.score} |`);
    expect(summary).toContain('⚠️ **regression**: security -12');
    expect(summary).toContain('[Full report](https://ci.example.test/report.html)');
  });
});
