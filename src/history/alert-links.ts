/**
 * @module Where an alert points: the run's report.html under `--report-url BASE`, which serves the
 * working directory (`BASE/<run folder relative to it>/report.html`), or the local path when no
 * URL is known.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

export const REPORT_FILE = 'report.html';

/** Checks `--report-url` and returns it with exactly one trailing slash; throws a readable Error otherwise. */
export function parseReportBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a URL: "${text}" (expected e.g. https://ci.example/agentscore/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`expected an http(s) URL, got ${url.protocol}//`);
  if (url.search || url.hash) throw new Error('the base URL cannot carry a query or a fragment');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The run folder's path below the served directory, as URL path segments; throws when the run
 * folder is not inside it (a URL cannot be built for it).
 */
export function servedRunPath(servedDir: string, runDir: string): string {
  const path = relative(servedDir, runDir);
  if (path === '' || path.startsWith('..') || isAbsolute(path))
    throw new Error(
      `the run folder ${runDir} is not inside ${servedDir}, which --report-url serves; run monitor from the published folder or pick --out inside it`,
    );
  return path.split(sep).map(encodeURIComponent).join('/');
}

/** The run's report as a URL under `baseUrl` (parsed by parseReportBaseUrl), else its local path. */
export function reportLink(runDir: string, served?: { baseUrl: string; dir: string }): string {
  if (!served) return join(runDir, REPORT_FILE);
  return `${served.baseUrl}${servedRunPath(served.dir, runDir)}/${REPORT_FILE}`;
}
