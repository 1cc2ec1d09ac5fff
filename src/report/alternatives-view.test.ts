import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../spec/scorecard.ts';
import { fullScorecard, HOSTILE, nullScorecard } from './__fixtures__/scorecards.ts';
import { alternativesView, relativeHref } from './alternatives-view.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { buildReportData } from './report-data.ts';

/** The seed scorecard under another name, with some components moved. */
function variant(
  name: string,
  changes: Record<string, number | null>,
  headline: Partial<Record<string, number | null>> = {},
): Scorecard {
  const card = structuredClone(fullScorecard());
  card.target = { ...card.target, name, model: `${name}-model` };
  for (const [path, score] of Object.entries(changes)) {
    const [category, component] = path.split('.') as [keyof Scorecard['scores'], string];
    const entry = card.scores[category].components[component];
    if (entry) entry.score = score;
  }
  for (const [category, score] of Object.entries(headline))
    card.scores[category as keyof Scorecard['scores']].score = score ?? null;
  return card;
}

describe('alternativesView', () => {
  it('ranks the others by mean headline score and lists gaps of 5 points or more by component', () => {
    const self = fullScorecard();
    const stronger = variant(
      'stronger',
      { 'security.authStrength': 100, 'agentFriendliness.errorMessages': 77 },
      { security: 90 },
    );
    const weaker = variant(
      'weaker',
      { 'reliability.errorRecovery': 40, 'security.tlsEnforcement': null },
      { reliability: 50 },
    );
    const view = alternativesView(self, [
      { scorecard: weaker },
      { scorecard: stronger, reportHref: '../stronger run/report.html' },
    ]);

    expect(view.rows.map((row) => row.name)).toEqual(['stronger', 'weaker']);
    const [first, second] = view.rows;
    expect(first?.better).toEqual([{ label: 'Auth Strength', scores: '80 → 100', delta: 20 }]);
    // 80 → 77 is within the margin: neither better nor worse.
    expect(first?.worse).toEqual([]);
    expect(first?.headline).toContain('Security 83 → 90 (+7)');
    expect(first?.reportHref).toBe('../stronger%20run/report.html');
    expect(second?.worse).toEqual([{ label: 'Error Recovery', scores: '82 → 40', delta: -42 }]);
    expect(second?.notCompared).toEqual(['TLS Enforcement']);
    expect(second?.better).toEqual([]);
  });

  it('leaves out the target itself and ranks a target with no judged headline last', () => {
    const self = fullScorecard();
    const view = alternativesView(self, [
      { scorecard: nullScorecard() },
      { scorecard: fullScorecard() },
      { scorecard: variant('other', {}) },
    ]);
    expect(view.rows.map((row) => row.name)).toEqual(['other', 'bare-endpoint']);
    expect(view.rows[1]?.overall).toBe('40 (1 of 4 judged)');
  });

  it('encodes link-breaking characters of a folder name', () => {
    expect(relativeHref('../a (b)/report.html')).toBe('../a%20%28b%29/report.html');
  });
});

describe('the Alternatives section', () => {
  const self = fullScorecard();
  const hostile = variant(HOSTILE.script, { 'security.authStrength': 100 });
  const data = buildReportData({
    scorecard: self,
    results: [],
    profile: null,
    runDir: 'run',
    alternatives: [{ scorecard: hostile, reportHref: '../x/report.html' }],
  });

  it('is absent when no other target is known', () => {
    const alone = buildReportData({ scorecard: self, results: [], profile: null, runDir: 'run' });
    expect(alone.alternatives).toBeNull();
    expect(renderMarkdown(alone)).not.toContain('## Alternatives');
    expect(renderHtml(alone)).not.toContain('id="alternatives"');
  });

  it('renders in Markdown and HTML with target text escaped', () => {
    const markdown = renderMarkdown(data);
    expect(markdown).toContain('## Alternatives');
    expect(markdown).toContain('- Better: Auth Strength 80 → 100');
    expect(markdown).not.toContain('<script>');
    const html = renderHtml(data);
    expect(html).toContain('<section id="alternatives">');
    expect(html).toContain('<a href="../x/report.html">&lt;script&gt;');
    expect(html).not.toContain('<script>alert');
  });
});
