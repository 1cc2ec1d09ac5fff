import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../spec/probe-result.ts';
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
