import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { type Alert, consoleSink, formatAlertLine, scrubAlert, writeAlertsFile } from './alerts.ts';

const tempDir = useTempDir();

const regression: Alert = {
  kind: 'regression',
  key: 'category:security',
  target: 'mistral',
  what: 'Security',
  from: 83,
  to: 71,
  delta: -12,
  unit: 'points',
  reportPath: 'reports/x/report.html',
};
const latency: Alert = {
  kind: 'latency',
  key: 'latency:ttftMs',
  target: 'mistral',
  what: 'TTFT p50',
  from: 310,
  to: 455.5,
  delta: 145.5,
  unit: 'ms',
  reportPath: '',
};

describe('alert rendering and sinks', () => {
  it('renders one line per alert in the agreed format', () => {
    expect(formatAlertLine(regression)).toBe(
      'mistral: Security 83 → 71 (−12), report: reports/x/report.html',
    );
    expect(formatAlertLine(latency)).toBe('mistral: TTFT p50 310 ms → 455.5 ms (+145.5 ms)');
    expect(formatAlertLine({ ...regression, from: null, delta: null })).toBe(
      'mistral: Security -- → 71, report: reports/x/report.html',
    );
    expect(consoleSink([regression, latency])).toHaveLength(2);
  });

  it('scrubs every string field', () => {
    const leaky = {
      ...regression,
      target: 'key=abc',
      what: 'key=abc',
      from: 'key=abc',
      reportPath: '/r/key=abc',
    };
    const clean = scrubAlert(leaky, (text) => text.replaceAll('key=abc', 'key=***'));
    expect(JSON.stringify(clean)).not.toContain('abc');
    expect(clean.to).toBe(71);
  });

  it('writes alerts.json beside the run', () => {
    const runDir = join(tempDir(), 'run-1');
    const file = writeAlertsFile(runDir, {
      schemaVersion: 1,
      name: 'mistral',
      runId: 'run-1',
      baseRunId: 'run-0',
      exitCode: 1,
      alerts: [regression],
    });
    expect(file).toBe(join(runDir, 'alerts.json'));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ exitCode: 1, alerts: [regression] });
  });
});
