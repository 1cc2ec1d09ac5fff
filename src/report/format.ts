/** @module Pure display formatting: every number a report shows goes through here. */

export const NULL_DISPLAY = '--';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type ScoreTone = 'good' | 'fair' | 'poor' | 'none';

/** Score 0-100 as an integer string, `--` when it could not be judged. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' && Number.isFinite(score) ? String(Math.round(score)) : NULL_DISPLAY;
}

/** Colour band of a score; thresholds follow the SSL Labs A/C boundaries (80, 50). */
export function scoreTone(score: number | null | undefined): ScoreTone {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 'none';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

/** Clamp a score into 0-100 for bar widths; null draws an empty bar. */
export function scorePercent(score: number | null | undefined): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 0;
  return Math.max(0, Math.min(100, Math.round(score)));
}

/** Rate 0-1 as a percentage with one decimal, e.g. `97.5%`. */
export function formatRate(rate: number | null | undefined): string {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) return NULL_DISPLAY;
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}

/** Milliseconds: integers from 10 ms on, one decimal below. */
export function formatMs(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NULL_DISPLAY;
  return value >= 10 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(1)} ms`;
}

export function formatTokensPerSecond(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return NULL_DISPLAY;
  return `${value.toFixed(1)} tok/s`;
}

/** `Mar 07, 2026` in UTC, as on the seed page; the raw string when it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NULL_DISPLAY;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${MONTHS[date.getUTCMonth()]} ${day}, ${date.getUTCFullYear()}`;
}

/** `2026-03-07 14:02 UTC`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NULL_DISPLAY;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDuration(startIso: string, endIso: string): string {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return NULL_DISPLAY;
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return NULL_DISPLAY;
  return value ? 'Yes' : 'No';
}

/** A 95 % interval of a rate (bounds 0-1, from `wilsonRate` in scoring/) as `87–100%`. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined): string {
  if (typeof low !== 'number' || typeof high !== 'number' || !Number.isFinite(low) || !Number.isFinite(high))
    return NULL_DISPLAY;
  return `${Math.round(low * 100)}–${Math.round(high * 100)}%`;
}
