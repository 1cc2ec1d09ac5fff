import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.ts';
import { type Incident, type IncidentInput, stepIncident } from './monitor-incident.ts';

const template = { target: 'mistral', reportPath: 'https://ci.example/r/run-3/report.html' };

function regression(key: string, what: string, from: number | string, to: number | string): Alert {
  const delta = typeof from === 'number' && typeof to === 'number' ? to - from : null;
  return {
    kind: 'regression',
    key,
    what,
    from,
    to,
    delta,
    unit: typeof to === 'number' ? 'points' : 'check',
    ...template,
  };
}

const security = (to: number) => regression('category:security', 'Security', 83, to);
const flip = regression('check:auth/no-key/rejected', 'check rejected (auth/no-key)', 'pass', 'fail');

function input(
  open: Incident | null,
  regressions: Alert[],
  extra: Partial<IncidentInput> = {},
): IncidentInput {
  return {
    open,
    name: 'mistral',
    runId: 'run-3',
    startedAt: '2026-11-03T03:17:00.000Z',
    baseRunId: 'run-1',
    regressions,
    threshold: 5,
    currentValue: (key) => (key === 'category:security' ? 84 : 'pass'),
    ...extra,
  };
}

const opened: Incident = {
  name: 'mistral',
  openedRunId: 'run-2',
  openedAt: '2026-11-02T03:17:00.000Z',
  baselineRunId: 'run-1',
  status: 'open',
  alerted: {
    'category:security': { what: 'Security', value: 71 },
    'check:auth/no-key/rejected': { what: 'check rejected (auth/no-key)', value: 'fail' },
  },
  lastAlertRunId: 'run-2',
  quietRuns: 0,
  closedRunId: null,
  closedAt: null,
};

describe('stepIncident', () => {
  it('does nothing on a healthy run with nothing open', () => {
    expect(stepIncident(input(null, []), template)).toEqual({ event: 'none', incident: null, alerts: [] });
  });

  it('opens an incident against the base run and remembers what it alerted', () => {
    const step = stepIncident(input(null, [security(71), flip]), template);
    expect(step.event).toBe('opened');
    expect(step.alerts).toHaveLength(2);
    expect(step.incident).toEqual({
      ...opened,
      openedRunId: 'run-3',
      openedAt: '2026-11-03T03:17:00.000Z',
      lastAlertRunId: 'run-3',
    });
  });

  it('stays silent while the same regression lasts, even if it eases a little or deepens by less than the threshold', () => {
    for (const to of [75, 71, 67]) {
      const step = stepIncident(input(opened, [security(to), flip]), template);
      expect(step).toMatchObject({
        event: 'ongoing',
        alerts: [],
        incident: { quietRuns: 1, alerted: opened.alerted },
      });
    }
  });

  it('updates on a new key or a drop of a full threshold below the alerted value, announcing only those', () => {
    const deeper = stepIncident(input(opened, [security(66), flip]), template);
    expect(deeper.event).toBe('updated');
    expect(deeper.alerts.map((alert) => alert.key)).toEqual(['category:security']);
    expect(deeper.incident?.alerted['category:security']?.value).toBe(66);
    expect(deeper.incident?.openedRunId).toBe('run-2');

    const other = regression('component:security.secretHandling', 'Security › Secret Handling', 90, 40);
    const added = stepIncident(input({ ...opened, quietRuns: 4 }, [security(71), other]), template);
    expect(added).toMatchObject({ event: 'updated', incident: { quietRuns: 0, lastAlertRunId: 'run-3' } });
    expect(added.alerts).toEqual([other]);
  });

  it('reminds after --realert-after quiet runs, then counts again', () => {
    const first = stepIncident(input(opened, [security(71)], { realertAfter: 2 }), template);
    expect(first).toMatchObject({ event: 'ongoing', incident: { quietRuns: 1 } });
    const second = stepIncident(input(first.incident, [security(71)], { realertAfter: 2 }), template);
    expect(second).toMatchObject({ event: 'reminder', incident: { quietRuns: 0, lastAlertRunId: 'run-3' } });
    expect(second.alerts).toEqual([security(71)]);
  });

  it('recovers when nothing regresses against the baseline: closes it and lists each alerted key', () => {
    const step = stepIncident(input(opened, []), template);
    expect(step.event).toBe('recovered');
    expect(step.incident).toMatchObject({
      status: 'closed',
      closedRunId: 'run-3',
      closedAt: '2026-11-03T03:17:00.000Z',
    });
    expect(
      step.alerts.map(({ kind, key, what, from, to, delta, unit }) => ({
        kind,
        key,
        what,
        from,
        to,
        delta,
        unit,
      })),
    ).toEqual([
      {
        kind: 'recovery',
        key: 'category:security',
        what: 'Security',
        from: 71,
        to: 84,
        delta: 13,
        unit: 'points',
      },
      {
        kind: 'recovery',
        key: 'check:auth/no-key/rejected',
        what: 'check rejected (auth/no-key)',
        from: 'fail',
        to: 'pass',
        delta: null,
        unit: 'check',
      },
    ]);
  });
});
