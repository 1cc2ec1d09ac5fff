import { describe, expect, it } from 'vitest';
import { mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults } from './__fixtures__/results.ts';
import { fullScorecard } from './__fixtures__/scorecards.ts';
import { renderHtml } from './render-html.ts';
import { buildReportData, type ReportData } from './report-data.ts';

/**
 * Every string the page is built from (header, profile, evidence bodies, hrefs...) replaced by a
 * tag of its own: a field the template emits raw (`{{{ }}}`) shows up as that tag in the page.
 */
function poisonEveryString(value: unknown, paths: string[], path = ''): unknown {
  if (typeof value === 'string') {
    paths.push(path);
    return `<x${paths.length - 1}>"'`;
  }
  if (Array.isArray(value))
    return value.map((item, index) => poisonEveryString(item, paths, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, poisonEveryString(item, paths, `${path}.${key}`)]),
    );
  }
  return value;
}

describe('renderHtml with every data field hostile', () => {
  const data = buildReportData({
    scorecard: fullScorecard(),
    results: fixtureResults(),
    profile: mistralProfile(),
    runDir: 'r',
  });
  // The fixtures link no probe outside the failed checks: add one evidence row so its body shows.
  const failed = data.failedChecks.rows.find((row) => row.exchange.bodyExcerpt);
  if (!failed) throw new Error('the fixture has no failed check with a body');
  data.linkedEvidence.push({
    anchor: 'probe-linked',
    probeLabel: failed.probeLabel,
    status: 'errored',
    reason: 'timeout',
    exchange: failed.exchange,
  });
  // The banners of incomplete and invalid runs (the latter quotes the target's answer).
  data.incompleteBanner = 'incomplete';
  data.invalidRun = 'invalid';
  const paths: string[] = [];
  const hostile = poisonEveryString(data, paths) as ReportData;
  const html = renderHtml(hostile);

  it('reaches the fields the template shows, target-controlled ones included', () => {
    const shown = paths.filter((_, index) => html.includes(`&lt;x${index}&gt;`));
    expect(shown.length).toBeGreaterThan(100);
    for (const field of [
      '.header.model',
      '.header.description',
      '.header.homepageHref',
      '.header.targetName',
      '.header.baseUrl',
      '.incompleteBanner',
      '.invalidRun',
    ]) {
      expect(shown, field).toContain(field);
    }
    expect(shown.some((path) => /^\.linkedEvidence\[\d+\]\.exchange\.bodyExcerpt$/.test(path))).toBe(true);
    expect(shown.some((path) => /^\.failedChecks\.rows\[\d+\]\.exchange\.bodyExcerpt$/.test(path))).toBe(
      true,
    );
  });

  it('emits none of them raw', () => {
    const raw = [...html.matchAll(/<x(\d+)>/g)].map((match) => paths[Number(match[1])]);
    expect(raw).toEqual([]);
    // Quotes cannot end an attribute early either.
    expect(html).not.toMatch(/<x\d+&gt;"/);
  });
});
