/**
 * @module Monitor incidents (pure): a regression of a name is alerted once, stays open while it
 * lasts, is compared against the last healthy run, and is closed by one recovery.
 */
import type { Alert } from './alert.ts';

export interface AlertedValue {
  what: string;
  value: number | string | null;
}

/** A regression of a monitored name, from the first run that showed it to the run that cleared it. */
export interface Incident {
  name: string;
  /** The run that opened it; with `name`, its identity. */
  openedRunId: string;
  /** startedAt of that run. */
  openedAt: string;
  /** The last healthy run before it: every run is compared with this one while it is open. */
  baselineRunId: string;
  status: 'open' | 'closed';
  /** Each regressed key alerted so far, with its label and its value when last alerted (to notice a further drop). */
  alerted: Record<string, AlertedValue>;
  lastAlertRunId: string;
  /** Runs since the last message (for `--realert-after`). */
  quietRuns: number;
  closedRunId: string | null;
  closedAt: string | null;
}

/**
 * What a run did to its name's incident: `opened` a new one, `updated` it with new or deeper
 * regressions, sent a `reminder` (`--realert-after`), left it `ongoing` (no message), `recovered`
 * (closed it), or `none` (healthy, nothing open).
 */
export type IncidentEvent = 'none' | 'opened' | 'updated' | 'ongoing' | 'reminder' | 'recovered';

export interface IncidentStep {
  event: IncidentEvent;
  /** The incident after this run (closed on recovery), or null when there is none. */
  incident: Incident | null;
  /** What the message says: the regressions it announces, or recoveries; empty when nothing is sent. */
  alerts: Alert[];
}

export interface IncidentInput {
  /** The name's open incident before this run, if any. */
  open: Incident | null;
  name: string;
  runId: string;
  startedAt: string;
  /** The run compared with (the incident's baseline while one is open, else the previous run). */
  baseRunId: string;
  /** Regressions of this run against `baseRunId`. */
  regressions: readonly Alert[];
  /** Points: an alerted score that falls this much further is announced again. */
  threshold: number;
  /** Re-send an unchanged open incident after this many quiet runs; 0 or absent: never. */
  realertAfter?: number;
  /** The value a key has in this run (for the recovery message); null when not measured. */
  currentValue: (key: string) => number | string | null;
}

function alertedValues(alerts: readonly Alert[]): Record<string, AlertedValue> {
  return Object.fromEntries(alerts.map((alert) => [alert.key, { what: alert.what, value: alert.to }]));
}

/** New keys, or scores that fell at least `threshold` below the value last alerted. */
function freshRegressions(open: Incident, regressions: readonly Alert[], threshold: number): Alert[] {
  return regressions.filter((alert) => {
    if (!(alert.key in open.alerted)) return true;
    const before = open.alerted[alert.key]?.value;
    return typeof before === 'number' && typeof alert.to === 'number' && alert.to <= before - threshold;
  });
}

function recoveryAlerts(
  open: Incident,
  template: Pick<Alert, 'target' | 'reportPath'>,
  input: IncidentInput,
) {
  return Object.entries(open.alerted).map(([key, { what, value: from }]): Alert => {
    const to = input.currentValue(key);
    const unit = key.startsWith('check:') ? 'check' : 'points';
    const delta =
      typeof from === 'number' && typeof to === 'number' ? Math.round((to - from) * 100) / 100 : null;
    return { kind: 'recovery', key, what, from, to, delta, unit, ...template };
  });
}

/**
 * The next state of a name's incident after a run. Open → no regression against the baseline:
 * recovered. Open → only what was already alerted: ongoing (silent) or a reminder. Open → a new
 * key or a further drop: updated. Nothing open → regressions: opened.
 */
export function stepIncident(
  input: IncidentInput,
  template: Pick<Alert, 'target' | 'reportPath'>,
): IncidentStep {
  const { open, regressions } = input;
  if (!open) {
    if (regressions.length === 0) return { event: 'none', incident: null, alerts: [] };
    const incident: Incident = {
      name: input.name,
      openedRunId: input.runId,
      openedAt: input.startedAt,
      baselineRunId: input.baseRunId,
      status: 'open',
      alerted: alertedValues(regressions),
      lastAlertRunId: input.runId,
      quietRuns: 0,
      closedRunId: null,
      closedAt: null,
    };
    return { event: 'opened', incident, alerts: [...regressions] };
  }
  if (regressions.length === 0) {
    const closed: Incident = {
      ...open,
      status: 'closed',
      closedRunId: input.runId,
      closedAt: input.startedAt,
    };
    return { event: 'recovered', incident: closed, alerts: recoveryAlerts(open, template, input) };
  }
  const fresh = freshRegressions(open, regressions, input.threshold);
  if (fresh.length > 0) {
    const incident: Incident = {
      ...open,
      alerted: { ...open.alerted, ...alertedValues(fresh) },
      lastAlertRunId: input.runId,
      quietRuns: 0,
    };
    return { event: 'updated', incident, alerts: fresh };
  }
  const quietRuns = open.quietRuns + 1;
  if (input.realertAfter && quietRuns >= input.realertAfter) {
    const incident: Incident = { ...open, lastAlertRunId: input.runId, quietRuns: 0 };
    return { event: 'reminder', incident, alerts: [...regressions] };
  }
  return { event: 'ongoing', incident: { ...open, quietRuns }, alerts: [] };
}
