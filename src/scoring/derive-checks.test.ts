import { describe, expect, it } from 'vitest';
import type { ExchangeEvidence, ProbeResult } from '../spec/probe-result.ts';
import type { Percentiles } from '../spec/scorecard.ts';
import { computeMetrics, type ScorecardMetrics } from './compute-metrics.ts';
import { DERIVED_CHECKS, deriveChecks, erroredByTarget, normalTraffic } from './derive-checks.ts';
import { makeResult, TEST_SCORING } from './test-support.ts';

function exchange(status: number | null): ExchangeEvidence {
  return {
    method: 'POST',
    url: 'https://example.test/v1',
    status,
    headers: {},
    bodyExcerpt: '',
    bodyBytes: 0,
  };
}

/** `count` exchanges with the given status, for share arithmetic. */
function exchanges(count: number, status: number | null): ExchangeEvidence[] {
  return Array.from({ length: count }, () => exchange(status));
}

function metricsWith(latency: Partial<ScorecardMetrics['latency']> = {}): ScorecardMetrics {
  const metrics = computeMetrics([]);
  return { ...metrics, latency: { ...metrics.latency, ...latency } };
}

function derive(id: string, results: ProbeResult[], metrics = metricsWith()) {
  const check = DERIVED_CHECKS[id];
  if (check === undefined) throw new Error(`no derived check ${id}`);
  return check({ results, scoring: TEST_SCORING, metrics });
}

describe('erroredByTarget', () => {
  it('is true only for an errored result whose reason is a target failure', () => {
    expect(erroredByTarget(makeResult({ status: 'errored', reason: 'timeout' }))).toBe(true);
    expect(erroredByTarget(makeResult({ status: 'errored', reason: 'body-too-large' }))).toBe(true);
    expect(erroredByTarget(makeResult({ status: 'errored', reason: 'budget-exhausted' }))).toBe(false);
    expect(erroredByTarget(makeResult({ status: 'errored', reason: null }))).toBe(false);
    expect(erroredByTarget(makeResult({ status: 'failed', reason: 'timeout' }))).toBe(false);
  });
});

describe('normalTraffic', () => {
  it('counts exchanges of ordinary probes, 5xx and unanswered ones as server errors, 499 not', () => {
    const results = [
      makeResult({ probe: 'a', evidence: [exchange(200), exchange(499), exchange(500), exchange(null)] }),
      makeResult({ probe: 'b', evidence: [exchange(503)] }),
    ];
    expect(normalTraffic(results, TEST_SCORING)).toEqual({ exchanges: 5, serverErrors: 3 });
  });

  it('leaves out load suites, burst probes and skipped probes', () => {
    const results = [
      makeResult({ suite: 'rate-limits', evidence: [exchange(500)] }),
      makeResult({ kind: 'burst', evidence: [exchange(500)] }),
      makeResult({ status: 'skipped', reason: 'opt-in', evidence: [exchange(500)] }),
      makeResult({ evidence: [exchange(200)] }),
    ];
    expect(normalTraffic(results, TEST_SCORING)).toEqual({ exchanges: 1, serverErrors: 0 });
    expect(normalTraffic(results, { loadSuites: [] })).toEqual({ exchanges: 2, serverErrors: 1 });
  });

  it('counts a target failure without an unanswered exchange once, and not twice when one is there', () => {
    const silent = makeResult({ status: 'errored', reason: 'timeout', evidence: [] });
    const after200 = makeResult({ status: 'errored', reason: 'connection-reset', evidence: [exchange(200)] });
    const recorded = makeResult({ status: 'errored', reason: 'timeout', evidence: [exchange(null)] });
    const ours = makeResult({ status: 'errored', reason: 'budget-exhausted', evidence: [] });
    expect(normalTraffic([silent], TEST_SCORING)).toEqual({ exchanges: 1, serverErrors: 1 });
    expect(normalTraffic([after200], TEST_SCORING)).toEqual({ exchanges: 2, serverErrors: 1 });
    expect(normalTraffic([recorded], TEST_SCORING)).toEqual({ exchanges: 1, serverErrors: 1 });
    expect(normalTraffic([ours], TEST_SCORING)).toEqual({ exchanges: 0, serverErrors: 0 });
  });
});

describe('no-5xx-under-normal-load', () => {
  it('is not derived without normal traffic', () => {
    expect(derive('no-5xx-under-normal-load', [])).toBeNull();
    expect(
      derive('no-5xx-under-normal-load', [makeResult({ suite: 'rate-limits', evidence: [exchange(500)] })]),
    ).toBeNull();
  });

  it('passes at exactly the threshold share, with availability-band credit and no probes named', () => {
    // 1 of 100 = 0.01, the threshold: not above it. 0.99 available → 75 points.
    const results = [makeResult({ probe: 'p', evidence: [...exchanges(99, 200), exchange(502)] })];
    expect(derive('no-5xx-under-normal-load', results)).toEqual({
      id: 'no-5xx-under-normal-load',
      samples: 100,
      credit: 0.75,
      failShare: 0,
      failed: 0,
      detail: '1 of 100 normal-traffic exchanges got 5xx or no answer',
      probeIds: [],
    });
  });

  it('fails above the threshold and names each probe with a 5xx, no answer or target failure once, sorted', () => {
    const results = [
      makeResult({ suite: 's', probe: 'z', evidence: [...exchanges(47, 200), exchange(500)] }),
      makeResult({ suite: 's', probe: 'n', evidence: [exchange(null)] }),
      makeResult({ suite: 's', probe: 'b', status: 'errored', reason: 'timeout' }),
      makeResult({ suite: 's', probe: 'c', evidence: [exchange(499)] }),
      makeResult({ suite: 's', probe: 'ours', status: 'errored', reason: 'budget-exhausted' }),
      makeResult({ suite: 'rate-limits', probe: 'load', evidence: [exchange(500)] }),
      makeResult({ suite: 's', probe: 'burst', kind: 'burst', evidence: [exchange(500)] }),
    ];
    const evidence = derive('no-5xx-under-normal-load', results);
    expect(evidence).toEqual({
      id: 'no-5xx-under-normal-load',
      samples: 51,
      credit: 0,
      failShare: 3 / 51,
      failed: 3,
      detail: '3 of 51 normal-traffic exchanges got 5xx or no answer',
      probeIds: ['s/b', 's/n', 's/z'],
    });
  });
});

describe('shape-fingerprint-stable', () => {
  // A results file read back may hold anything there; the check skips what is not a list.
  const shaped = (probe: string, shape: string[] | string, extra: Partial<ProbeResult> = {}) =>
    makeResult({ probe, measurements: { shapeFingerprint: shape as string[] }, ...extra });

  it('is not derived until some probe has two fingerprinted answers', () => {
    expect(derive('shape-fingerprint-stable', [shaped('a', ['x']), shaped('b', ['y'])])).toBeNull();
    const notCounted = [
      shaped('a', ['x']),
      shaped('a', 'x'),
      shaped('a', ['y'], { status: 'errored', reason: 'timeout' }),
      shaped('a', ['y'], { status: 'skipped', reason: 'opt-in' }),
    ];
    expect(derive('shape-fingerprint-stable', notCounted)).toBeNull();
  });

  it('treats key order as the same shape and counts each repeated probe once', () => {
    const results = [
      shaped('a', ['x', 'y']),
      shaped('a', ['y', 'x']),
      shaped('a', ['x', 'y']),
      shaped('b', ['q']),
    ];
    expect(derive('shape-fingerprint-stable', results)).toEqual({
      id: 'shape-fingerprint-stable',
      samples: 1,
      credit: 1,
      failShare: 0,
      failed: 0,
      probeIds: [],
      detail: 'same shape across repetitions of 1 probe(s)',
    });
  });

  it('names the probes whose shape changed, with the changed share as failure', () => {
    const results = [
      shaped('a', ['x']),
      shaped('a', ['x', 'extra']),
      shaped('b', ['q']),
      shaped('b', ['q']),
      shaped('c', ['r']),
      shaped('c', []),
      shaped('d', ['s']),
      shaped('d', ['s']),
    ];
    expect(derive('shape-fingerprint-stable', results)).toEqual({
      id: 'shape-fingerprint-stable',
      samples: 4,
      credit: 0.5,
      failShare: 0.5,
      failed: 2,
      probeIds: ['suite/a', 'suite/c'],
      detail: 'shape changed between repetitions of suite/a, suite/c',
    });
  });
});

describe('answered checks', () => {
  it('tool-turns-answered covers tool-call and agent-loop probes, not skipped ones or other kinds', () => {
    const results = [
      makeResult({ probe: 't1', kind: 'tool-call', evidence: [exchange(200)] }),
      makeResult({ probe: 't2', kind: 'agent-loop', evidence: [exchange(500)] }),
      makeResult({ probe: 't2', kind: 'agent-loop', repetition: 2, status: 'errored', reason: 'timeout' }),
      makeResult({ probe: 't3', kind: 'tool-call', evidence: [exchange(499), exchange(null)] }),
      makeResult({ probe: 't4', kind: 'tool-call', status: 'errored', reason: 'budget-exhausted' }),
      makeResult({ probe: 'a0', kind: 'tool-call', status: 'errored', reason: 'invalid-json' }),
      makeResult({
        probe: 'skip',
        kind: 'tool-call',
        status: 'skipped',
        reason: 'opt-in',
        evidence: [exchange(500)],
      }),
      makeResult({ probe: 'json', kind: 'json-mode', evidence: [exchange(500)] }),
    ];
    expect(derive('tool-turns-answered', results)).toEqual({
      id: 'tool-turns-answered',
      samples: 6,
      credit: 0.5,
      failShare: 0.5,
      failed: 3,
      detail: '3 of 6 requests got no usable answer',
      probeIds: ['suite/a0', 'suite/t2'],
    });
  });

  it('json-answers-complete covers json-mode probes only and is not derived without them', () => {
    expect(
      derive('json-answers-complete', [makeResult({ kind: 'tool-call', evidence: [exchange(500)] })]),
    ).toBeNull();
    expect(
      derive('json-answers-complete', [
        makeResult({ probe: 'j', kind: 'json-mode', evidence: [exchange(200)] }),
        makeResult({ probe: 'j', kind: 'json-mode', status: 'skipped', reason: 'opt-in' }),
      ]),
    ).toEqual({
      id: 'json-answers-complete',
      samples: 1,
      credit: 1,
      failShare: 0,
      failed: 0,
      detail: '0 of 1 requests got no usable answer',
      probeIds: [],
    });
  });
});

describe('latency checks', () => {
  const percentiles = (p50: number | null, p95: number | null, samples?: number): Percentiles => ({
    p50,
    p95,
    p99: null,
    ...(samples === undefined ? {} : { samples }),
  });
  const timed = [
    makeResult({ probe: 'z', measurements: { latency: true } }),
    makeResult({ probe: 'z', repetition: 2, measurements: { latency: true } }),
    makeResult({ probe: 'a', measurements: { latency: true } }),
    makeResult({ probe: 'untimed' }),
  ];

  it('is not derived while either percentile is missing', () => {
    expect(derive('latency-ttft', timed, metricsWith({ ttftMs: percentiles(100, null, 3) }))).toBeNull();
    expect(derive('latency-ttft', timed, metricsWith({ ttftMs: percentiles(null, 100, 3) }))).toBeNull();
  });

  it('averages the p50 and p95 band points and names the timed probes when short of full points', () => {
    // ttft p50 400 ms → 70 points, p95 1300 ms → 30 points: 50.
    const metrics = metricsWith({ ttftMs: percentiles(400.4, 1300.6, 7) });
    expect(derive('latency-ttft', timed, metrics)).toEqual({
      id: 'latency-ttft',
      samples: 7,
      credit: 0.5,
      failShare: 0.5,
      failed: 1,
      probeIds: ['suite/a', 'suite/z'],
      detail: 'ttftMs p50 400 ms, p95 1301 ms → 50 points',
    });
  });

  it('reads its own metric and bands, and names no probe at full points', () => {
    // e2e bands: p50 900 → 100, p95 2000 → 100 (at most); ttft 900 would earn 40.
    const metrics = metricsWith({ e2eMs: percentiles(900, 2000), ttftMs: percentiles(900, 2000, 5) });
    expect(derive('latency-e2e', timed, metrics)).toEqual({
      id: 'latency-e2e',
      samples: 0,
      credit: 1,
      failShare: 0,
      failed: 0,
      probeIds: [],
      detail: 'e2eMs p50 900 ms, p95 2000 ms → 100 points',
    });
  });
});

describe('deriveChecks', () => {
  it('returns evidence for implemented checks that apply, and the ids it does not implement', () => {
    const results = [makeResult({ kind: 'json-mode', evidence: [exchange(200)] })];
    const { evidence, unknown } = deriveChecks(
      ['json-answers-complete', 'no-such-check', 'tool-turns-answered', 'no-5xx-under-normal-load', 'other'],
      { results, scoring: TEST_SCORING, metrics: metricsWith() },
    );
    expect([...evidence.keys()]).toEqual(['json-answers-complete', 'no-5xx-under-normal-load']);
    expect(evidence.get('json-answers-complete')?.samples).toBe(1);
    expect(unknown).toEqual(['no-such-check', 'other']);
  });
});
