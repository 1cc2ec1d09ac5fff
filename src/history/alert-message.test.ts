import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../suite/create-ajv.ts';
import type { Alert } from './alert.ts';
import { type AlertMessageInput, buildAlertMessage } from './alert-message.ts';
import type { Incident } from './monitor-incident.ts';

const URL = 'https://ci.example/agentscore/nightly/run-2/report.html';
const SCHEMA = JSON.parse(
  readFileSync(new globalThis.URL('../../schemas/monitor-message.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = createAjv().compile(SCHEMA);

/** Builds the message and holds it to the published schema. */
function build(input: AlertMessageInput) {
  const message = buildAlertMessage(input);
  expect(validate(message), JSON.stringify(validate.errors)).toBe(true);
  return message;
}

function alert(
  kind: Alert['kind'],
  key: string,
  what: string,
  from: number | string,
  to: number | string,
): Alert {
  const numbers = typeof from === 'number' && typeof to === 'number';
  const unit = key.startsWith('latency:') ? 'ms' : numbers ? 'points' : 'check';
  return {
    kind,
    key,
    what,
    from,
    to,
    delta: numbers ? to - from : null,
    unit,
    target: 'mistral',
    reportPath: URL,
  };
}

const incident: Incident = {
  name: 'mistral',
  openedRunId: 'run-2',
  openedAt: '2026-11-02T03:17:00.000Z',
  baselineRunId: 'run-1',
  status: 'open',
  alerted: {},
  lastAlertRunId: 'run-2',
  quietRuns: 0,
  closedRunId: null,
  closedAt: null,
};

const checks = Array.from({ length: 75 }, (_, index) =>
  alert(
    'regression',
    `check:auth/probe-${index}/rejected`,
    `check rejected (auth/probe-${index})`,
    'pass',
    'fail',
  ),
);

function input(overrides: Partial<AlertMessageInput> = {}): AlertMessageInput {
  return {
    event: 'opened',
    name: 'mistral',
    runId: 'run-2',
    baseRunId: 'run-1',
    incident,
    // Deliberately out of order: the message sorts headline, components, checks.
    alerts: [
      ...checks,
      alert('regression', 'component:security.authStrength', 'Security › Auth Strength', 100, 0),
      alert('regression', 'category:security', 'Security', 83, 71),
    ],
    latency: [alert('latency', 'latency:ttftMs', 'TTFT p50', 310, 455)],
    reportUrl: URL,
    threshold: 5,
    ...overrides,
  };
}

describe('buildAlertMessage', () => {
  it('says headline, components, latency, then one line for 75 check flips (not 75 bullets)', () => {
    const message = build(input());
    expect(message.text.split('\n')).toEqual([
      'agentscore mistral: regression (2 scores, 75 checks, 1 latency shift)',
      '• Security 83 → 71 (−12)',
      '• Security › Auth Strength 100 → 0 (−100)',
      '• TTFT p50 310 ms → 455 ms (+145 ms)',
      `• and 75 check flips (pass → fail): ${URL}`,
      `report: ${URL}`,
    ]);
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '🔴 mistral: regression', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Security* 83 → 71 (−12)' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Security › Auth Strength* 100 → 0 (−100)' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*TTFT p50* 310 ms → 455 ms (+145 ms)' } },
      { type: 'section', text: { type: 'mrkdwn', text: `and <${URL}|75 check flips (pass → fail)>` } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `run run-2 compared with the last healthy run run-1 · threshold 5 points · <${URL}|full report>`,
          },
        ],
      },
    ]);
    // The JSON keeps every alert for machines, in the same order.
    expect(message.alerts.map((entry) => entry.key).slice(0, 3)).toEqual([
      'category:security',
      'component:security.authStrength',
      'check:auth/probe-0/rejected',
    ]);
    expect(message.alerts).toHaveLength(78);
    expect(message).toMatchObject({
      schemaVersion: 1,
      event: 'opened',
      baselineRunId: 'run-1',
      reportUrl: URL,
    });
  });

  it('announces a recovery without latency, and names when the incident opened', () => {
    const message = build(
      input({
        event: 'recovered',
        runId: 'run-5',
        incident: { ...incident, status: 'closed', closedRunId: 'run-5' },
        alerts: [
          alert('recovery', 'category:security', 'Security', 71, 84),
          { ...checks[0]!, kind: 'recovery', from: 'fail', to: 'pass' },
        ],
      }),
    );
    expect(message.text.split('\n').slice(0, 3)).toEqual([
      'agentscore mistral: recovered (1 score, 1 check back to the baseline)',
      '• Security 71 → 84 (+13)',
      `• and 1 check passes again: ${URL}`,
    ]);
    expect(message.blocks[0]).toMatchObject({ text: { text: '🟢 mistral: recovered' } });
    expect(JSON.stringify(message.blocks.at(-1))).toContain(
      'incident opened 2026-11-02 by run run-2, closed by run run-5',
    );
    expect(message.alerts.some((entry) => entry.kind === 'latency')).toBe(false);
    expect(message.incident.status).toBe('closed');
  });

  it('escapes mrkdwn control characters, keeps a local path unlinked, and stays within Slack limits', () => {
    const components = Array.from({ length: 200 }, (_, index) =>
      alert('regression', `component:security.c${index}`, `Security › <Component & ${index}>`, 90, 10),
    );
    const message = build(
      input({
        name: 'x'.repeat(200),
        alerts: components,
        latency: [],
        reportUrl: '/srv/reports/run-2/report.html',
      }),
    );
    const header = message.blocks[0]!;
    expect(header.type === 'header' && header.text.text.length).toBe(150);
    const section = message.blocks[1]!;
    const text = section.type === 'section' ? section.text.text : '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain('*Security › &lt;Component &amp; 0&gt;* 90 → 10 (−80)');
    expect(text).toMatch(/…and \d+ more$/);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('full report: `/srv/reports/run-2/report.html`');
    expect(message.text).toContain('report: /srv/reports/run-2/report.html');
  });
});
