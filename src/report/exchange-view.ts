/** @module Short, display-ready view of a probe's first HTTP exchange. */
import type { ProbeResult } from '../spec/probe-result.ts';
import { resultKey } from '../spec/result-key.ts';
import { NULL_DISPLAY } from './format.ts';
import type { ExchangeView } from './report-rows.ts';

export const BODY_EXCERPT_CHARS = 300;

/** First `max` characters, never cutting a surrogate pair in half, with `…` when cut. */
export function excerpt(text: string, max = BODY_EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

export function exchangeView(result: ProbeResult): ExchangeView {
  const first = result.evidence[0];
  if (!first) return { summary: NULL_DISPLAY, bodyExcerpt: '' };
  const status = first.status === null ? 'no response' : String(first.status);
  return {
    summary: excerpt(`${first.method} ${first.url} → ${status}`, 200),
    bodyExcerpt: excerpt(first.bodyExcerpt ?? ''),
  };
}

export function probeLabel(result: Pick<ProbeResult, 'suite' | 'probe' | 'repetition'>): string {
  return resultKey(result);
}
