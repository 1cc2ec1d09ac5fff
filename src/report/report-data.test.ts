import { describe, expect, it } from 'vitest';
import { mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, manyResults } from './__fixtures__/results.ts';
import { fullScorecard, nullScorecard } from './__fixtures__/scorecards.ts';
import { buildReportData } from './report-data.ts';

describe('buildReportData', () => {
  it('gives the seed names and headline scores with their questions', () => {
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      runDir: 'r',
    });
    expect(data.headline.map((row) => [row.title, row.display, row.question])).toEqual([
      ['Agent Friendliness', '62', 'Can an agent use this?'],
      ['Security', '83', 'Is it safe for agents?'],
      ['Reliability', '82', 'Does it work consistently?'],
    ]);
    expect(data.categories[0]!.components.map((row) => `${row.label} ${row.display}`)).toEqual([
      'MCP Quality --',
      'Documentation 82',
      'Error Messages 80',
      'Auth Simplicity 92',
      'Rate Limits 80',
      'Tool Use --',
      'Structured Output --',
    ]);
    expect(data.categories[1]!.note).toContain('No scope granularity');
    expect(data.incompleteBanner).toBeNull();
  });

  it('shows -- for every null and raises the INCOMPLETE RUN banner', () => {
    const data = buildReportData({ scorecard: nullScorecard(), results: [], profile: null, runDir: 'r' });
    expect(data.incompleteBanner).toContain('INCOMPLETE RUN');
    expect(data.headline.map((row) => row.display)).toEqual(['--', '--', '40']);
    expect(data.latency.rows.every((row) => row.p50 === '--' && row.p99 === '--')).toBe(true);
    expect(data.jsonMode.rows.map((row) => row.value)).toEqual(['--', '--', '--']);
    expect(data.profileDerived).toMatch(/^Derived from this run/);
    expect(data.profile?.pricing.model).toBe('not documented (no target profile)');
    expect(data.charts.refs.map((ref) => ref.name)).toEqual(['category-radar', 'component-bars', 'rates']);
  });

  it('links gotchas and data-protection checks to anchors that exist in the report', () => {
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      runDir: 'r',
    });
    const anchors = new Set([
      ...data.failedChecks.rows.flatMap((row) => (row.anchor ? [`#${row.anchor}`] : [])),
      ...data.linkedEvidence.map((row) => `#${row.anchor}`),
    ]);
    const hrefs = [
      ...data.gotchas.flatMap((gotcha) => gotcha.links.map((link) => link.href)),
      ...data.dataProtection.measuredChecks.map((row) => row.evidence?.href ?? null),
    ].filter((href): href is string => href !== null);
    expect(hrefs).toContain('#probe-tools-tool-loop');
    for (const href of hrefs) expect(anchors).toContain(href);
  });

  it('marks claims past their re-verify date as stale unknowns', () => {
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: [],
      profile: mistralProfile(),
      runDir: 'r',
    });
    const retention = data.dataProtection.claims.find((claim) => claim.id === 'D-RETENTION')!;
    expect(retention).toMatchObject({ stale: true, statusLabel: 'Unknown (stale)' });
    expect(data.dataProtection.claims.find((claim) => claim.id === 'D-DPA')).toMatchObject({
      stale: false,
      statusLabel: 'Pass',
    });
    expect(data.methodology.attestedClaims.map((claim) => claim.id)).toEqual(['doc-accuracy']);
  });

  it('caps failed-check rows and counts the rest, in linear time over 100k results', () => {
    const results = manyResults(100_000);
    const started = performance.now();
    const data = buildReportData({ scorecard: fullScorecard(), results, profile: null, runDir: 'r' });
    expect(performance.now() - started).toBeLessThan(2_000);
    const failed = results.filter((result) => result.status === 'failed').length;
    expect(data.failedChecks.rows).toHaveLength(200);
    expect(data.failedChecks.total).toBe(failed);
    expect(data.failedChecks.moreLine).toBe(`… and ${failed - 200} more failed checks (see results.jsonl)`);
    expect(data.charts.series.latency.ttftSamples).toBe(100_000);
    expect(data.charts.series.latency.ttft.length).toBeLessThanOrEqual(101);
  });

  it('cuts body excerpts to 300 characters', () => {
    const [result] = manyResults(1);
    result!.status = 'failed';
    result!.checks = [{ id: 'c', component: null, passed: false, detail: 'd' }];
    result!.evidence = [
      {
        method: 'GET',
        url: 'https://x',
        status: 500,
        headers: {},
        bodyExcerpt: 'y'.repeat(1000),
        bodyBytes: 1000,
      },
    ];
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: [result!],
      profile: null,
      runDir: 'r',
    });
    expect(data.failedChecks.rows[0]!.exchange.bodyExcerpt).toBe(`${'y'.repeat(300)}…`);
  });

  it('draws a trend only with two or more runs', () => {
    const one = buildReportData({ scorecard: fullScorecard(), results: [], profile: null, runDir: 'r' });
    expect(one.charts.series.trend).toBeNull();
    const two = buildReportData({
      scorecard: fullScorecard(),
      results: [],
      profile: null,
      runDir: 'r',
      history: [{ runId: 'earlier', startedAt: '2026-03-01T00:00:00Z', scores: { security: 80 } }],
    });
    expect(two.charts.series.trend?.labels).toEqual(['Mar 01, 2026', 'Mar 07, 2026']);
    expect(two.charts.refs.map((ref) => ref.name)).toContain('trend');
  });
});
