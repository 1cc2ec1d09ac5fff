import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportBaseUrl, reportLink, servedRunPath } from './alert-links.ts';

describe('report links', () => {
  it('puts the run folder, relative to the served directory, under the base URL', () => {
    const baseUrl = parseReportBaseUrl('https://ci.example/agentscore');
    expect(baseUrl).toBe('https://ci.example/agentscore/');
    expect(reportLink(join('/ci', 'reports', 'nightly', '2026-11-26T03-17'), { baseUrl, dir: '/ci' })).toBe(
      'https://ci.example/agentscore/reports/nightly/2026-11-26T03-17/report.html',
    );
  });

  it('encodes each path segment', () => {
    expect(servedRunPath('/ci', join('/ci', 'my run', 'a#b?c'))).toBe('my%20run/a%23b%3Fc');
  });

  it('falls back to the local path when no URL is known', () => {
    expect(reportLink(join('/ci', 'run-1'))).toBe(join('/ci', 'run-1', 'report.html'));
  });

  it('refuses a run folder outside the served directory, and URLs it cannot extend', () => {
    expect(() => servedRunPath('/ci/site', '/tmp/run-1')).toThrow(/not inside \/ci\/site/);
    expect(() => servedRunPath('/ci', '/ci')).toThrow(/not inside/);
    expect(() => parseReportBaseUrl('ci.example/agentscore')).toThrow(/not a URL/);
    expect(() => parseReportBaseUrl('file:///srv/reports')).toThrow(/http\(s\)/);
    expect(() => parseReportBaseUrl('https://ci.example/r?token=1')).toThrow(/query/);
  });
});
