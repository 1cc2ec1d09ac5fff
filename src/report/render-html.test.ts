import { describe, expect, it } from 'vitest';
import { hostileProfile, mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, hostileResults } from './__fixtures__/results.ts';
import { fullScorecard, hostileScorecard, nullScorecard } from './__fixtures__/scorecards.ts';
import { renderCharts } from './charts/render-charts.ts';
import { renderHtml } from './render-html.ts';
import { buildReportData } from './report-data.ts';

describe('renderHtml', () => {
  it('is one self-contained page with a strict CSP, embedded charts and no script', () => {
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      runDir: 'r',
    });
    const html = renderHtml(data, renderCharts(data));
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|@import|url\(\s*['"]?https?:/i);
    const sources = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((match) => match[1]!);
    expect(sources).toHaveLength(data.charts.refs.length);
    for (const source of sources) expect(source).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    expect(html).toMatch(/@media print/);
    // The Interface table has a row per interface, as the Markdown report does.
    const interfaceTable = html.slice(
      html.indexOf('<h2>Interface</h2>'),
      html.indexOf('<h2>Authentication</h2>'),
    );
    for (const row of data.interfaces) expect(interfaceTable).toContain(`<td>${row.label}</td>`);
    expect(data.interfaces.length).toBeGreaterThan(5);
    expect(html).toMatch(/<meta name="viewport"/);
    for (const [id, score] of [
      ['agentFriendliness', '62'],
      ['security', '83'],
      ['reliability', '82'],
    ]) {
      expect(html).toContain(`<span class="score" data-score="${id}">${score}</span>`);
    }
  });

  it('escapes hostile target text everywhere', () => {
    const data = buildReportData({
      scorecard: hostileScorecard(),
      results: hostileResults(),
      profile: hostileProfile(),
      runDir: 'r',
    });
    const html = renderHtml(data);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="(?!https?:|#probe-)/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Tags all come from the template: every element name is one we use.
    const names = new Set(
      [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((match) => match[1]!.toLowerCase()),
    );
    const allowed =
      'html head meta title style body main div header h1 h2 h3 p a ul li code section span svg circle path rect table thead tbody tr th td b br pre figure img footer';
    for (const name of names) expect(allowed.split(' ')).toContain(name);
  });

  it('renders a report with nulls and no profile', () => {
    const html = renderHtml(
      buildReportData({ scorecard: nullScorecard(), results: [], profile: null, runDir: 'r' }),
    );
    expect(html).toContain('INCOMPLETE RUN');
    expect(html).toContain('Derived from this run: no target profile describes this API.');
    expect(html).toContain('<h2>Pricing</h2>');
    expect(html).toContain('<span class="score" data-score="security">--</span>');
  });
});
