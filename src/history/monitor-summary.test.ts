import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.ts';
import { type MonitorSummaryInput, monitorStepSummary } from './monitor-summary.ts';

const URL = 'https://ci.example/agentscore/nightly/run-3/report.html';

function alert(
  kind: Alert['kind'],
  key: string,
  what: string,
  from: number | string,
  to: number | string,
): Alert {
  const numbers = typeof from === 'number' && typeof to === 'number';
  return {
    kind,
    key,
    what,
    from,
    to,
    delta: numbers ? to - from : null,
    unit: numbers ? 'points' : 'check',
    target: 'mistral',
    reportPath: URL,
  };
}

function outcome(overrides: Partial<MonitorSummaryInput>): MonitorSummaryInput {
  return {
    alerts: [],
    firstRun: false,
    baseRunId: 'run-1',
    incidentEvent: 'none',
    incident: null,
    reportUrl: URL,
    ...overrides,
  };
}

describe('monitorStepSummary', () => {
  it('says the incident is still open, lists headline and components, collapses check flips, links the report', () => {
    const text = monitorStepSummary(
      'nightly | sandbox',
      outcome({
        incidentEvent: 'ongoing',
        incident: {
          name: 'nightly | sandbox',
          openedRunId: 'run-2',
          openedAt: '2026-11-02T03:17:00.000Z',
          baselineRunId: 'run-1',
          status: 'open',
          alerted: {},
          lastAlertRunId: 'run-2',
          quietRuns: 1,
          closedRunId: null,
          closedAt: null,
        },
        alerts: [
          alert('regression', 'check:auth/no-key/rejected', 'check rejected (auth/no-key)', 'pass', 'fail'),
          alert('regression', 'component:security.authStrength', 'Security › Auth Strength', 100, 0),
          alert('regression', 'category:security', 'Security', 50, 25),
        ],
      }),
    );
    expect(text.split('\n')).toEqual([
      '',
      '### agentscore monitor: nightly \\| sandbox',
      '',
      '**🔴 Still regressed: incident open, no new alert** (opened 2026-11-02 by run `run-2`); compared with the last healthy run `run-1`.',
      '',
      '- 🔻 Security 50 → 25 (−25)',
      '- 🔻 Security › Auth Strength 100 → 0 (−100)',
      '- and 1 check flip (pass → fail)',
      '',
      `[report](${URL})`,
      '',
    ]);
  });

  it('reports a first run and a quiet run with a local path', () => {
    expect(
      monitorStepSummary('m', outcome({ firstRun: true, baseRunId: null, reportUrl: '/r/report.html' })),
    ).toContain('First run of this name: stored, nothing to compare with yet.\n\nreport: `/r/report.html`');
    expect(monitorStepSummary('m', outcome({}))).toContain(
      '**✅ No regression**; compared with the previous run `run-1`.',
    );
  });
});
