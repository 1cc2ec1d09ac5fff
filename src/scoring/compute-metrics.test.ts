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

describe('computeMetrics: edges of the denominators', () => {
  const timed = (count: number, extra: Partial<ReturnType<typeof timings>> = {}) =>
    Array.from({ length: count }, (_, index) =>
      makeResult({
        probe: `p${index}`,
        measurements: { latency: true },
        timings: { ...timings(100, 200), ...extra },
      }),
    );

  it('calls a percentile low-confidence below 30 samples and not at 30, one note per metric', () => {
    expect(computeMetrics(timed(30)).latency.notes).toBe('');
    expect(computeMetrics(timed(29)).latency.notes).toBe(
      [
        'ttftMs from 29 samples: low confidence (< 30)',
        'ttfbMs from 29 samples: low confidence (< 30)',
        'e2eMs from 29 samples: low confidence (< 30)',
        'interTokenMs from 29 samples: low confidence (< 30)',
        'outputTokensPerSecond from 29 samples: low confidence (< 30)',
      ].join('; '),
    );
  });

  it('takes each latency metric from its own timing field, failed answers included', () => {
    const result = makeResult({
      status: 'failed',
      measurements: { latency: true },
      timings: {
        startedAt: 't',
        durationMs: 50,
        ttftMs: 11,
        ttfbMs: 7,
        e2eMs: 50,
        interTokenMs: 3,
        outputTokensPerSecond: 90,
      },
    });
    const { latency } = computeMetrics([result]);
    expect(latency.samples).toBe(1);
    expect([latency.ttftMs.p50, latency.ttfbMs.p50, latency.e2eMs.p50, latency.interTokenMs.p50]).toEqual([
      11, 7, 50, 3,
    ]);
    expect(latency.outputTokensPerSecond).toEqual({ p50: 90, p95: 90, p99: 90, samples: 1 });
  });

  it('ignores timings that are not finite numbers, and results with none as samples', () => {
    const odd = makeResult({
      probe: 'odd',
      measurements: { latency: true },
      timings: { startedAt: 't', durationMs: 1, ttftMs: Number.NaN, e2eMs: Number.POSITIVE_INFINITY },
    });
    const text = makeResult({
      probe: 'text',
      measurements: { latency: true },
      // A results file read back may hold anything there.
      timings: { startedAt: 't', durationMs: 1, ttftMs: '12' as unknown as number },
    });
    const good = makeResult({
      probe: 'good',
      measurements: { latency: true },
      timings: { startedAt: 't', durationMs: 1, ttftMs: 40 },
    });
    const { latency } = computeMetrics([odd, text, good]);
    expect(latency.samples).toBe(1);
    expect(latency.ttftMs).toEqual({ p50: 40, p95: 40, p99: 40, samples: 1 });
    expect(latency.e2eMs.samples).toBe(0);
  });

  it('counts JSON-mode and tool-call samples only from results that carry them', () => {
    const metrics = computeMetrics([
      makeResult({ measurements: { jsonMode: { accepted: true, valid: true, schemaValid: false } } }),
      makeResult({ measurements: { jsonMode: { accepted: true, valid: true, schemaValid: true } } }),
      makeResult({ measurements: { jsonMode: { accepted: true, valid: true, schemaValid: true } } }),
      makeResult({ measurements: { latency: true } }),
    ]);
    expect(metrics.jsonMode.samples).toBe(3);
    expect(metrics.jsonMode.schemaValidRate).toBeCloseTo(2 / 3, 10);
    expect(metrics.jsonMode.schemaValidRateCi).toMatchObject({ numerator: 2, denominator: 3 });
    expect(metrics.jsonMode.notes).toBe(
      'declaredCoverage from 3 samples: low confidence (< 30); validRate from 3 samples: low confidence (< 30); schemaValidRate from 3 samples: low confidence (< 30)',
    );
    expect(metrics.toolCalls.samples).toBe(0);
    expect(metrics.toolCalls.loopGuardRateCi).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('counts forced calls made, and the loop guard over agent loops only', () => {
    const sample = (extra: Record<string, unknown>) =>
      makeResult({
        measurements: {
          toolCalls: { forced: true, calls: 1, validArguments: 1, repeatedCalls: 0, ...extra },
        },
      });
    const { toolCalls } = computeMetrics([
      sample({ forcedCallMade: true, iterations: 3, hitGuard: true }),
      sample({ forcedCallMade: false, iterations: 8, hitGuard: false }),
      sample({ iterations: 2, hitGuard: true }),
      sample({ iterations: 5, forced: false, hitGuard: true }),
      sample({ forcedCallMade: true, hitGuard: true }), // not a loop: no iterations
      sample({ forcedCallMade: true }),
      makeResult({ measurements: { latency: true } }),
    ]);
    expect(toolCalls.samples).toBe(6);
    expect(toolCalls.forcedCallRate).toBe(0.6);
    expect(toolCalls.forcedCallRateCi).toMatchObject({ numerator: 3, denominator: 5 });
    expect(toolCalls.loopGuardRateCi).toMatchObject({ numerator: 3, denominator: 4 });
  });

  it('adds the server-error rate of normal traffic only when it is given', () => {
    expect(computeMetrics([]).availability).not.toHaveProperty('serverErrorRateCi');
    expect(
      computeMetrics([], { exchanges: 50, serverErrors: 2 }).availability.serverErrorRateCi,
    ).toMatchObject({
      numerator: 2,
      denominator: 50,
    });
  });
});
