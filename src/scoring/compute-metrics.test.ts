import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import { makeCheck, makeResult } from './test-support.ts';

const timings = (ttftMs: number | undefined, e2eMs: number) => ({
  startedAt: '2026-11-25T10:00:00.000Z',
  durationMs: e2eMs,
  ttfbMs: 5,
  ...(ttftMs === undefined ? {} : { ttftMs }),
  e2eMs,
  interTokenMs: 2,
  outputTokensPerSecond: 500,
});

describe('computeMetrics: latency', () => {
  it('uses only latency-flagged, answered results and keeps per-metric sample counts', () => {
    const results = [
      makeResult({ probe: 'a', measurements: { latency: true }, timings: timings(100, 400) }),
      makeResult({ probe: 'b', measurements: { latency: true }, timings: timings(300, 600) }),
      makeResult({ probe: 'c', measurements: { latency: true }, timings: timings(undefined, 200) }), // not streamed
      makeResult({ probe: 'd', measurements: {}, timings: timings(1, 1) }), // not a latency probe
      makeResult({
        probe: 'e',
        status: 'errored',
        measurements: { latency: true },
        timings: timings(9000, 9000),
      }),
    ];
    const { latency } = computeMetrics(results);
    expect(latency.samples).toBe(3);
    expect(latency.ttftMs).toEqual({ p50: 100, p95: 300, p99: 300, samples: 2 });
    expect(latency.e2eMs).toEqual({ p50: 400, p95: 600, p99: 600, samples: 3 });
    expect(latency.notes).toContain('ttftMs from 2 samples: low confidence');
  });

  it('reports null percentiles without samples', () => {
    const { latency } = computeMetrics([]);
    expect(latency.samples).toBe(0);
    expect(latency.ttftMs).toEqual({ p50: null, p95: null, p99: null, samples: 0 });
    expect(latency.notes).toBe('');
  });
});

describe('computeMetrics: JSON mode', () => {
  it('reports coverage, validity and schema validity over their own denominators', () => {
    const jsonMode = (accepted: boolean, valid: boolean, schemaValid: boolean | null) =>
      makeResult({ measurements: { jsonMode: { accepted, valid, schemaValid } } });
    const metrics = computeMetrics([
      jsonMode(true, true, true),
      jsonMode(true, true, false),
      jsonMode(true, false, null),
      jsonMode(true, true, null),
      jsonMode(false, false, null),
    ]).jsonMode;
    expect(metrics).toMatchObject({
      samples: 5,
      declaredCoverage: 0.8,
      validRate: 0.75,
      schemaValidRate: 0.5,
      accepted: 4,
      schemaChecked: 2,
    });
  });

  it('is null, not zero, when nothing was accepted', () => {
    const metrics = computeMetrics([
      makeResult({ measurements: { jsonMode: { accepted: false, valid: false, schemaValid: null } } }),
    ]).jsonMode;
    expect(metrics).toMatchObject({
      samples: 1,
      declaredCoverage: 0,
      validRate: null,
      schemaValidRate: null,
    });
  });
});

describe('computeMetrics: tool calls', () => {
  it('sums calls across conversations for argument validity and repetition', () => {
    const toolCalls = (
      forced: boolean,
      forcedCallMade: boolean | undefined,
      calls: number,
      valid: number,
      repeated: number,
    ) =>
      makeResult({
        measurements: {
          toolCalls: {
            forced,
            calls,
            validArguments: valid,
            repeatedCalls: repeated,
            ...(forcedCallMade === undefined ? {} : { forcedCallMade }),
          },
        },
      });
    const metrics = computeMetrics([
      toolCalls(true, true, 1, 1, 0),
      toolCalls(true, false, 0, 0, 0),
      toolCalls(false, undefined, 5, 4, 2),
      toolCalls(false, undefined, 5, 5, 2),
    ]).toolCalls;
    expect(metrics).toMatchObject({
      samples: 4,
      forcedCallRate: 0.5,
      validArgumentsRate: 10 / 11,
      repeatedCallRate: 4 / 11,
      forced: 2,
      calls: 11,
    });
    expect(metrics.notes).toContain('toolCalls from 11 samples');
  });
});

describe('computeMetrics: availability', () => {
  it('counts availability checks per request, ignoring null verdicts', () => {
    const availability = (passed: boolean | null) =>
      makeCheck('availability', 'reliability.uptimeSla', passed);
    const metrics = computeMetrics([
      makeResult({ checks: [availability(true), availability(true), availability(false)] }),
      makeResult({
        probe: 'other',
        checks: [availability(true), availability(null), makeCheck('x', null, false)],
      }),
    ]).availability;
    expect(metrics).toMatchObject({
      samples: 4,
      successRate: 0.75,
      notes: 'successRate from 4 samples: low confidence (< 30)',
    });
    expect(metrics.successRateCi).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(metrics.successRateCi?.low).toBeLessThan(0.75);
    expect(metrics.successRateCi?.high).toBeGreaterThan(0.75);
  });
});
