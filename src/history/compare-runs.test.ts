import { describe, expect, it } from 'vitest';
import { fixtureRun } from './__fixtures__/fixture-runs.ts';
import { formatAlertLine } from './alert.ts';
import { compareRuns } from './compare-runs.ts';

const reportPath = 'reports/x/report.html';

describe('compareRuns on recorded-style runs', () => {
  it('flags planted regressions and exits 1', () => {
    const base = fixtureRun({ runId: 'base', latencySeed: 1 });
    const next = fixtureRun({
      runId: 'next',
      latencySeed: 2,
      components: { 'security.authStrength': 40 },
      checks: { 'unauthenticated-rejected': false },
      ttftMedianMs: 600,
      e2eMedianMs: 1500,
    });
    const comparison = compareRuns(base, next, { reportPath });

    expect(comparison.exitCode).toBe(1);
    expect(comparison.categoryDeltas.find((entry) => entry.category === 'security')).toEqual({
      category: 'security',
      base: 83,
      new: 74,
      delta: -9,
    });
    expect(comparison.regressions.map((alert) => alert.key)).toEqual([
      'category:security',
      'component:security.authStrength',
      'check:security/unauthenticated-rejected/unauthenticated-rejected',
    ]);
    expect(comparison.flips).toEqual([
      {
        suite: 'security',
        probe: 'unauthenticated-rejected',
        checkId: 'unauthenticated-rejected',
        from: 'pass',
        to: 'fail',
      },
    ]);
    expect(comparison.regressions.map(formatAlertLine)).toEqual([
      'mistral: Security 83 → 74 (−9), report: reports/x/report.html',
      'mistral: Security › Auth Strength 85 → 40 (−45), report: reports/x/report.html',
      'mistral: check unauthenticated-rejected (security/unauthenticated-rejected) pass → fail, report: reports/x/report.html',
    ]);
    const ttft = comparison.latency.find((shift) => shift.metric === 'ttftMs')!;
    expect(ttft).toMatchObject({ changed: true, direction: 'slower' });
    expect(ttft.pValue).toBeLessThan(0.001);
    expect(comparison.latencyAlerts.map((alert) => alert.key)).toContain('latency:ttftMs');
    expect(formatAlertLine(comparison.latencyAlerts[0]!)).toMatch(
      /^mistral: TTFT p50 \d+ ms → \d+ ms \(\+\d+ ms\)/,
    );
  });

  it('reports no latency change and exits 0 on pure noise (same distribution, other seeds)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const base = fixtureRun({ runId: 'base', latencySeed: seed });
      const next = fixtureRun({ runId: 'next', latencySeed: seed + 1000 });
      const comparison = compareRuns(base, next);
      expect(comparison.latency.map((shift) => shift.changed)).toEqual([false, false, false]);
      expect(comparison.latencyAlerts).toEqual([]);
      expect(comparison.regressions).toEqual([]);
      expect(comparison.exitCode).toBe(0);
    }
  });

  it('ignores significant but small latency shifts (effect-size floor)', () => {
    const base = fixtureRun({ runId: 'base', latencySeed: 3, latencySamples: 200, ttftMedianMs: 300 });
    const next = fixtureRun({ runId: 'next', latencySeed: 4, latencySamples: 200, ttftMedianMs: 320 });
    const ttft = compareRuns(base, next).latency.find((shift) => shift.metric === 'ttftMs')!;
    expect(ttft.pValue).toBeLessThan(0.01);
    expect(ttft.changed).toBe(false);
  });

  it('applies the threshold to score drops', () => {
    const base = fixtureRun({ runId: 'base' });
    const next = fixtureRun({ runId: 'next', components: { 'reliability.errorRecovery': 79 } });
    expect(compareRuns(base, next).exitCode).toBe(0);
    const strict = compareRuns(base, next, { threshold: 3 });
    expect(strict.exitCode).toBe(1);
    expect(strict.regressions.map((alert) => alert.key)).toEqual(['component:reliability.errorRecovery']);
  });

  it('counts a move of exactly the threshold, down or up, and nothing smaller', () => {
    const base = fixtureRun({ runId: 'base' });
    const exact = fixtureRun({ runId: 'exact', components: { 'reliability.errorRecovery': 78 } });
    const down = compareRuns(base, exact);
    expect(down.threshold).toBe(5);
    expect(down.regressions.map((alert) => [alert.key, alert.delta])).toEqual([
      ['component:reliability.errorRecovery', -5],
    ]);
    expect(down.exitCode).toBe(1);
    const up = compareRuns(exact, base);
    expect(up.improvements.map((alert) => [alert.key, alert.delta])).toEqual([
      ['component:reliability.errorRecovery', 5],
    ]);
    expect(up.regressions).toEqual([]);
    const justUnder = fixtureRun({ runId: 'under', components: { 'reliability.errorRecovery': 79 } });
    expect(compareRuns(base, justUnder).regressions).toEqual([]);
    expect(compareRuns(justUnder, base).improvements).toEqual([]);
    expect(compareRuns(base, justUnder, { threshold: 4 }).regressions).toHaveLength(1);
  });

  it('reports null ↔ number moves without calling them regressions', () => {
    const base = fixtureRun({ runId: 'base', components: { 'security.scopeGranularity': null } });
    const next = fixtureRun({
      runId: 'next',
      components: { 'agentFriendliness.mcpQuality': 80, 'security.scopeGranularity': null },
    });
    const mcp = compareRuns(base, next).componentDeltas.find((entry) => entry.component === 'mcpQuality');
    expect(mcp).toEqual({
      category: 'agentFriendliness',
      component: 'mcpQuality',
      base: null,
      new: 80,
      delta: null,
    });
    const back = compareRuns(next, base);
    expect(back.notes.some((note) => note.includes('MCP Quality: 80 → --'))).toBe(true);
    expect(
      back.regressions.filter((alert) => alert.key.startsWith('component:agentFriendliness.mcp')),
    ).toEqual([]);
  });

  it('turns fail → pass flips and rises into improvements, and recoveries only for earlier regressions', () => {
    const broken = fixtureRun({
      runId: 'broken',
      checks: { 'key-not-echoed': false, 'rate-limit-headers': false },
      components: { 'security.authStrength': 40 },
    });
    const fixed = fixtureRun({ runId: 'fixed' });
    const all = compareRuns(broken, fixed);
    expect(all.exitCode).toBe(0);
    expect(all.improvements.map((alert) => alert.key)).toEqual([
      'category:security',
      'component:security.authStrength',
      'check:security/key-not-echoed/key-not-echoed',
      'check:security/rate-limit-headers/rate-limit-headers',
    ]);
    expect(all.recoveries).toHaveLength(4);
    const matched = compareRuns(broken, fixed, {
      previousRegressions: ['check:security/key-not-echoed/key-not-echoed'],
    });
    expect(matched.recoveries.map((alert) => [alert.kind, alert.key, alert.from, alert.to])).toEqual([
      ['recovery', 'check:security/key-not-echoed/key-not-echoed', 'fail', 'pass'],
    ]);
  });

  it('diffs response shapes per probe', () => {
    const base = fixtureRun({
      runId: 'base',
      shapeFingerprint: ['id:string', 'usage.total_tokens:number', 'object:string'],
    });
    const next = fixtureRun({
      runId: 'next',
      shapeFingerprint: ['id:string', 'usage.total_tokens:string', 'created:number'],
    });
    const { shapeDiffs } = compareRuns(base, next);
    expect(shapeDiffs.added).toContain('security/key-not-echoed created:number');
    expect(shapeDiffs.removed).toContain('security/key-not-echoed object:string');
    expect(shapeDiffs.changedType).toContain('security/key-not-echoed usage.total_tokens: number → string');
    expect(shapeDiffs.added).toHaveLength(4);
  });

  it('notes an incomplete run and a rubric change', () => {
    const base = fixtureRun({ runId: 'base' });
    const next = fixtureRun({ runId: 'next' });
    next.scorecard.complete = false;
    next.scorecard.rubricVersion = '2025.2';
    expect(compareRuns(base, next).notes).toEqual([
      'The new run is incomplete; its scores may be understated.',
      'Rubric changed (2025.1 → 2025.2); deltas mix rubric and target changes.',
    ]);
  });

  it('notes an incomplete base run', () => {
    const base = fixtureRun({ runId: 'base' });
    base.scorecard.complete = false;
    expect(compareRuns(base, fixtureRun({ runId: 'next' })).notes).toEqual([
      'The base run is incomplete; its scores may be understated.',
    ]);
  });

  it('compares scorecards that lack a category or a component (another rubric) as not judged', () => {
    const base = fixtureRun({ runId: 'base' });
    const next = fixtureRun({ runId: 'next', components: { 'security.authStrength': 40 } });
    const scores = base.scorecard.scores as Partial<typeof base.scorecard.scores>;
    delete scores.reliability;
    delete next.scorecard.scores.security.components.tlsEnforcement;
    for (const [from, to] of [
      [base, next],
      [next, base],
    ] as const) {
      const comparison = compareRuns(from, to);
      const reliability = comparison.categoryDeltas.find((entry) => entry.category === 'reliability');
      expect(reliability?.delta).toBeNull();
      expect(from === base ? reliability?.base : reliability?.new).toBeNull();
      expect(comparison.componentDeltas.filter((entry) => entry.category === 'reliability')).toHaveLength(5);
      const tls = comparison.componentDeltas.find((entry) => entry.component === 'tlsEnforcement');
      expect(tls?.delta).toBeNull();
      expect(from === base ? tls?.new : tls?.base).toBeNull();
    }
    const down = compareRuns(base, next);
    expect(down.regressions.map((alert) => [alert.key, alert.reportPath])).toContainEqual([
      'component:security.authStrength',
      '',
    ]);
  });

  it('alerts a slowdown in ms and lists a speed-up as an improvement that recovers nothing', () => {
    const slow = fixtureRun({ runId: 'slow', latencySeed: 1, ttftMedianMs: 600 });
    const fast = fixtureRun({ runId: 'fast', latencySeed: 1 });
    const slower = compareRuns(fast, slow, { reportPath });
    const alert = slower.latencyAlerts.find((entry) => entry.key === 'latency:ttftMs')!;
    expect(alert).toMatchObject({ kind: 'latency', unit: 'ms', what: 'TTFT p50', reportPath });
    expect(alert.delta).toBe((alert.to! as number) - (alert.from! as number));
    expect(alert.delta).toBeGreaterThan(0);
    expect(slower.improvements.map((entry) => entry.key)).not.toContain('latency:ttftMs');
    const faster = compareRuns(slow, fast);
    expect(faster.latencyAlerts.map((entry) => entry.key)).not.toContain('latency:ttftMs');
    const speedUp = faster.improvements.find((entry) => entry.key === 'latency:ttftMs')!;
    expect(speedUp).toMatchObject({ kind: 'latency', unit: 'ms' });
    expect(speedUp.delta).toBeLessThan(0);
    expect(faster.recoveries).toEqual([]);
    expect(faster.exitCode).toBe(0);
  });

  it('words null moves both ways and marks check flips in check units', () => {
    const judged = fixtureRun({ runId: 'judged', components: { 'agentFriendliness.mcpQuality': 80 } });
    const unjudged = fixtureRun({ runId: 'unjudged', checks: { 'key-not-echoed': false } });
    expect(compareRuns(unjudged, judged).notes).toContain(
      'Agent Friendliness › MCP Quality: -- → 80 (not judged in one run)',
    );
    expect(compareRuns(judged, unjudged).notes).toContain(
      'Agent Friendliness › MCP Quality: 80 → -- (not judged in one run)',
    );
    const flip = compareRuns(judged, unjudged).regressions.find((alert) => alert.key.startsWith('check:'));
    expect(flip).toMatchObject({ kind: 'regression', unit: 'check', from: 'pass', to: 'fail', delta: null });
  });
});
