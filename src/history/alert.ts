/** @module The Alert record and its one-line rendering ("mistral: Security 83 → 71 (−12), report: …"). */

/** `regression`/`recovery`: a score or check moved down/up; `latency`: a significant timing shift. */
export type AlertKind = 'regression' | 'recovery' | 'latency';

export interface Alert {
  kind: AlertKind;
  /** Stable identity of the thing that moved (`category:security`, `component:security.authStrength`,
   * `check:suite/probe/checkId`, `latency:ttftMs`), used to match a recovery to an earlier regression. */
  key: string;
  target: string;
  what: string;
  from: number | string | null;
  to: number | string | null;
  delta: number | null;
  unit: 'points' | 'ms' | 'check';
  reportPath: string;
}

const MINUS = '\u2212';

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function formatValue(value: number | string | null, unit: Alert['unit']): string {
  if (value === null) return '--';
  if (typeof value === 'string') return value;
  return unit === 'ms' ? `${formatNumber(value)} ms` : formatNumber(value);
}

function formatDelta(delta: number | null, unit: Alert['unit']): string {
  if (delta === null || delta === 0) return '';
  const sign = delta < 0 ? MINUS : '+';
  return ` (${sign}${formatNumber(Math.abs(delta))}${unit === 'ms' ? ' ms' : ''})`;
}

/** What moved and how, e.g. `83 → 71 (−12)`, `120 ms → 340 ms (+220 ms)`, `pass → fail`. */
export function formatMovement(alert: Pick<Alert, 'from' | 'to' | 'delta' | 'unit'>): string {
  const movement = `${formatValue(alert.from, alert.unit)} → ${formatValue(alert.to, alert.unit)}`;
  return `${movement}${formatDelta(alert.delta, alert.unit)}`;
}

/** One human line per alert, e.g. `mistral: Security 83 → 71 (−12), report: reports/x/report.html`. */
export function formatAlertLine(alert: Alert): string {
  const report = alert.reportPath ? `, report: ${alert.reportPath}` : '';
  return `${alert.target}: ${alert.what} ${formatMovement(alert)}${report}`;
}

/** Applies `scrub` to every string an alert carries, so no secret reaches a sink. */
export function scrubAlert(alert: Alert, scrub: (text: string) => string): Alert {
  const scrubValue = (value: number | string | null) => (typeof value === 'string' ? scrub(value) : value);
  return {
    ...alert,
    key: scrub(alert.key),
    target: scrub(alert.target),
    what: scrub(alert.what),
    from: scrubValue(alert.from),
    to: scrubValue(alert.to),
    reportPath: scrub(alert.reportPath),
  };
}
