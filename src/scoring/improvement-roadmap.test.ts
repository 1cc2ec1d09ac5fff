import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult, ProbeResult } from '../spec/probe-result.ts';
import { CATEGORY_IDS, type CategoryId } from '../spec/scorecard.ts';
import { loadRubric } from '../suite/load-rubric.ts';
import { type ComputeScorecardInput, computeScorecard } from './compute-scorecard.ts';
import { improvementRoadmap } from './improvement-roadmap.ts';

// A faithful sandbox demo run, recorded (results.jsonl as the harness wrote it).
const RESULTS = readFileSync(new URL('./__fixtures__/faithful-demo-results.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as ProbeResult);

async function input(results: ProbeResult[]): Promise<ComputeScorecardInput> {
  return {
    results,
    rubric: await loadRubric(new URL('../../rubrics/default.yaml', import.meta.url).pathname),
    profile: null,
    target: {
      name: 'sandbox',
      provider: 'mistral',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'mistral-small-latest',
    },
    harnessVersion: 'test',
    startedAt: '2026-11-26T10:00:00.000Z',
    finishedAt: '2026-11-26T10:01:00.000Z',
    asOf: '2026-11-26',
    complete: true,
  };
}

/** The same run with the key echoed back once: a capped Secret Handling failure. */
function withKeyEcho(results: ProbeResult[]): ProbeResult[] {
  return results.map((result) =>
    result.probe === 'bearer-works'
      ? {
          ...result,
          status: 'failed',
          checks: result.checks.map((check) =>
            check.id === 'key-not-echoed' ? { ...check, passed: false, detail: 'key echoed in body' } : check,
          ),
        }
      : result,
  );
}

describe('improvementRoadmap', () => {
  it('ranks failing checks by the headline points a fix gains, computed by re-scoring', async () => {
    const planted = await input(withKeyEcho(RESULTS));
    const roadmap = improvementRoadmap(planted);
    expect(roadmap.length).toBeGreaterThan(0);
    const keyEcho = roadmap.find((item) => item.checkId === 'key-not-echoed');
    expect(keyEcho?.failedIn).toEqual(['auth/bearer-works#1']);
    expect(keyEcho?.gains.security ?? 0).toBeGreaterThan(0);
    // Exact: the gain is the difference a re-score with the fix makes.
    const fixed = computeScorecard(await input(RESULTS));
    const before = computeScorecard(planted);
    expect(keyEcho?.gains.security).toBe(
      (fixed.scores.security.score ?? 0) - (before.scores.security.score ?? 0),
    );
    for (let index = 1; index < roadmap.length; index += 1)
      expect(roadmap[index - 1]?.totalGain ?? 0).toBeGreaterThanOrEqual(roadmap[index]?.totalGain ?? 0);
  });

  it('has nothing to offer when nothing fails', async () => {
    const clean = RESULTS.map((result) => ({
      ...result,
      checks: result.checks.map((check) => (check.passed === false ? { ...check, passed: true } : check)),
    }));
    expect(improvementRoadmap(await input(clean))).toEqual([]);
  });
});

/**
 * The demo run plus: the key echoed and the bearer check failed in one probe (two categories), a
 * failure of pii-not-echoed filed first under a second component, and two informational checks
 * failing (no component, not in the rubric).
 */
function planted(results: ProbeResult[]): ProbeResult[] {
  const flip = (check: CheckResult, ids: string[], detail: string): CheckResult =>
    ids.includes(check.id) ? { ...check, passed: false, detail } : check;
  const changed = results.map((result) =>
    result.probe === 'bearer-works'
      ? {
          ...result,
          status: 'failed' as const,
          checks: result.checks.map((check) =>
            flip(check, ['key-not-echoed', 'bearer-header-works'], `${check.id} broke`),
          ),
        }
      : result,
  );
  const early: ProbeResult = {
    ...(RESULTS[0] as ProbeResult),
    suite: 'zz',
    probe: 'pii-early',
    status: 'failed',
    checks: [
      {
        id: 'pii-not-echoed',
        component: 'dataProtection.trainingUse',
        passed: false,
        detail: 'first pii failure',
      },
      { id: 'json-valid', component: null, passed: false, detail: 'not JSON' },
      { id: 'auth-timing', component: null, passed: false, detail: 'timing differs' },
      { id: 'key-not-echoed', component: 'security.secretHandling', passed: null, detail: 'not applicable' },
    ],
  };
  // An ordinary request that timed out carries a failed availability verdict; fixing it makes the
  // probe pass, so it stops counting as a target failure in the derived checks too.
  const timedOut: ProbeResult = {
    ...(RESULTS[0] as ProbeResult),
    suite: 'chat',
    probe: 'timed-out',
    status: 'errored',
    reason: 'timeout',
    evidence: [],
    checks: [
      { id: 'availability', component: 'reliability.uptimeSla', passed: false, detail: 'no answer in 30 s' },
    ],
  };
  // The same, with a second failing check: fixing one leaves it errored.
  const timedOutTwice: ProbeResult = {
    ...timedOut,
    probe: 'timed-out-twice',
    checks: [
      ...timedOut.checks,
      { id: 'request-id-on-errors', component: 'reliability.errorRecovery', passed: false, detail: 'no id' },
    ],
  };
  return [early, ...changed, timedOut, timedOutTwice];
}

/** The gain of fixing one check, re-scored here independently of the module. */
async function expectedGains(results: ProbeResult[], checkId: string) {
  const fixedResults = results.map((result) => {
    if (!result.checks.some((check) => check.id === checkId && check.passed === false)) return result;
    const checks = result.checks.map((check) =>
      check.id === checkId && check.passed === false ? { ...check, passed: true } : check,
    );
    return {
      ...result,
      checks,
      status: checks.some((check) => check.passed === false) ? result.status : 'passed',
    };
  }) as ProbeResult[];
  const before = computeScorecard(await input(results));
  const after = computeScorecard(await input(fixedResults));
  const gains: Partial<Record<CategoryId, number>> = {};
  for (const category of CATEGORY_IDS) {
    const gain = (after.scores[category].score ?? 0) - (before.scores[category].score ?? 0);
    if (gain > 0) gains[category] = gain;
  }
  return gains;
}

describe('improvementRoadmap: each item', () => {
  it('lists every failing check with its exact gains, sorted components and probes, first evidence and advice', async () => {
    const results = planted(RESULTS);
    const roadmap = improvementRoadmap(await input(results));
    const byId = new Map(roadmap.map((item) => [item.checkId, item]));
    expect([...byId.keys()].sort()).toEqual([
      'auth-timing',
      'availability',
      'bearer-header-works',
      'json-valid',
      'key-not-echoed',
      'pii-not-echoed',
      'request-id-on-errors',
    ]);
    const pii = byId.get('pii-not-echoed');
    expect(pii).toEqual({
      checkId: 'pii-not-echoed',
      components: ['dataProtection.dataMinimisation', 'dataProtection.trainingUse'],
      gains: await expectedGains(results, 'pii-not-echoed'),
      totalGain: pii?.gains.dataProtection,
      failedIn: [
        'data-handling/pii-in-unknown-field#1',
        'data-handling/pii-in-wrong-type#1',
        'zz/pii-early#1',
      ],
      evidence: 'first pii failure',
      advice: 'scrub error bodies before logging them; they may hold the personal data you sent',
    });
    expect(pii?.gains.dataProtection).toBeGreaterThan(0);
    // Fixing one check of a probe leaves the other failing: each gains in its own category only.
    const key = byId.get('key-not-echoed');
    expect(key?.gains).toEqual(await expectedGains(results, 'key-not-echoed'));
    expect(Object.keys(key?.gains ?? {})).toEqual(['security']);
    expect(key?.totalGain).toBe(key?.gains.security);
    expect(key?.advice).toBe('never log raw responses or show them to users or models');
    expect(key?.evidence).toBe('key-not-echoed broke');
    const bearer = byId.get('bearer-header-works');
    expect(bearer?.gains).toEqual(await expectedGains(results, 'bearer-header-works'));
    expect(Object.keys(bearer?.gains ?? {})).toEqual(['agentFriendliness']);
    expect(bearer?.components).toEqual(['agentFriendliness.authSimplicity']);
    const availability = byId.get('availability');
    expect(availability?.gains).toEqual(await expectedGains(results, 'availability'));
    expect(availability?.gains.reliability).toBeGreaterThan(0);
    expect(availability?.failedIn).toEqual(['chat/timed-out#1', 'chat/timed-out-twice#1']);
    const requestId = byId.get('request-id-on-errors');
    expect(requestId?.gains).toEqual(await expectedGains(results, 'request-id-on-errors'));
    expect(byId.get('json-valid')).toEqual({
      checkId: 'json-valid',
      components: [],
      gains: {},
      totalGain: 0,
      failedIn: ['zz/pii-early#1'],
      evidence: 'not JSON',
      advice: null,
    });
  });

  it('orders by total gain, then by check id, and keeps the first `limit` items', async () => {
    const run = await input(planted(RESULTS));
    const roadmap = improvementRoadmap(run);
    const expected = [...roadmap].sort(
      (left, right) => right.totalGain - left.totalGain || (left.checkId < right.checkId ? -1 : 1),
    );
    expect(roadmap.map((item) => item.checkId)).toEqual(expected.map((item) => item.checkId));
    // The two informational checks gain nothing and come last, by id.
    expect(roadmap.slice(-2).map((item) => item.checkId)).toEqual(['auth-timing', 'json-valid']);
    expect(new Set(roadmap.map((item) => item.totalGain)).size).toBeGreaterThan(2);
    expect(improvementRoadmap(run, 2)).toEqual(roadmap.slice(0, 2));
  });

  it('offers nothing for an invalid run', async () => {
    const skipped = planted(RESULTS).map((result) => ({
      ...result,
      status: 'skipped' as const,
      reason: 'opt-in' as const,
    }));
    const run = await input(skipped);
    expect(computeScorecard(run).validity?.valid).toBe(false);
    expect(improvementRoadmap(run)).toEqual([]);
  });
});
