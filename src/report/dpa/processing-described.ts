/** @module "The processing described": endpoints called, models, and the data categories the probes sent. */
import type { ProbeResult } from '../../spec/probe-result.ts';
import type { Scorecard } from '../../spec/scorecard.ts';

/** Probes that plant synthetic personal data, and what they plant (canaries are random per run). */
const PLANTED: Record<string, string> = {
  'pii-in-unknown-field': 'a synthetic e-mail address (random canary, never a real person)',
  'pii-in-wrong-type': 'a synthetic name and phone number (random canaries, never a real person)',
  'canary-key': 'a random fake API key (canary)',
  'file-erasure': 'a small file of synthetic text, deleted by the same probe',
};

/** A path segment that names one object (a uuid, or a long id with digits): shown as `{id}`. */
const ID_SEGMENT =
  /^(?=.*\d)[A-Za-z0-9_-]{16,}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function endpoint(method: string, url: string): string | null {
  try {
    const path = new URL(url).pathname
      .split('/')
      .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
      .join('/');
    return `${method.toUpperCase()} ${path}`;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function processingDescribed(
  scorecard: Scorecard,
  results: readonly ProbeResult[],
): { endpoints: string[]; models: string[]; dataCategories: string[]; regional: string[] } {
  const regional: string[] = [];
  const endpoints = new Set<string>();
  const models = new Set<string>([scorecard.target.model]);
  const categories = new Set<string>();
  let promptsSent = false;
  for (const result of results) {
    if (result.status === 'skipped') continue;
    for (const exchange of result.evidence) {
      const name = endpoint(exchange.method, exchange.url);
      if (name) endpoints.add(name);
      if (/chat\/completions/.test(exchange.url)) promptsSent = true;
    }
    if (typeof result.measurements.servedModel === 'string') models.add(result.measurements.servedModel);
    if (result.kind === 'regional-endpoints')
      for (const exchange of result.evidence)
        regional.push(
          `${hostOf(exchange.url)}: ${exchange.status === null ? 'no answer' : `answered ${exchange.status}`}`,
        );
    const planted = PLANTED[result.probe];
    if (planted) categories.add(planted);
  }
  const dataCategories = [...categories].sort();
  if (promptsSent) dataCategories.unshift('short prompts written by the harness, with no personal data');
  return { endpoints: [...endpoints].sort(), models: [...models].sort(), dataCategories, regional };
}
