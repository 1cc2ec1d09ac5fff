/** Property tests over whole scorecards: more failures, more errors or less attested evidence never raise a score. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Rubric } from '../spec/rubric.ts';
import { CATEGORY_IDS, type ComponentPath, type Scorecard } from '../spec/scorecard.ts';
import type { ClaimStatus, TargetProfile } from '../spec/target-profile.ts';
import { CATALOGUE } from './__fixtures__/check-catalogue.ts';
import { computeScorecard } from './compute-scorecard.ts';
import {
  makeCheck,
  makeClaim,
  makeProfile,
  makeResult,
  pick,
  seededRandom,
  testScoringInput,
} from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;
const PATHS = Object.keys(CATALOGUE) as ComponentPath[];
const OK = { method: 'POST', url: 'http://t/v1/x', status: 200, headers: {}, bodyExcerpt: '', bodyBytes: 2 };
const STATUSES: readonly ClaimStatus[] = ['pass', 'partial', 'fail', 'unknown'];

/** A full run: every catalogue check (3 verdicts each, some failing) plus ordinary traffic. */
function randomRun(random: () => number): ProbeResult[] {
  const checks = PATHS.map((path) =>
    makeResult({
      suite: path.split('.')[0],
      probe: path.split('.')[1],
      checks: CATALOGUE[path].checks.flatMap((id) =>
        Array.from({ length: 3 }, () => makeCheck(id, path, random() < 0.8)),
      ),
    }),
  );
  const traffic = Array.from({ length: 12 }, (_, index) =>
    makeResult({
      suite: 'traffic',
      probe: pick(random, ['tool', 'json', 'stream']),
      repetition: index + 1,
      kind: pick(random, ['tool-call', 'json-mode', 'chat-stream']),
      evidence: [{ ...OK, status: random() < 0.9 ? 200 : 503 }],
      measurements: { latency: true },
      timings: {
        startedAt: '2026-11-25T10:00:00.000Z',
        durationMs: 500,
        ttftMs: 100 + random() * 900,
        e2eMs: 500 + random() * 3000,
      },
    }),
  );
  return [...checks, ...traffic];
}

function randomProfile(random: () => number): TargetProfile {
  return makeProfile(
    'random',
    PATHS.flatMap((path) =>
      CATALOGUE[path].attested.map((id) =>
        makeClaim({ id, component: path, status: pick(random, STATUSES) }),
      ),
    ),
  );
}

function score(results: ProbeResult[], profile: TargetProfile | null): Scorecard {
  return computeScorecard(testScoringInput(results, rubric, profile));
}

/** Scores, coverage and caps of a scorecard (notes say why a fact is unknown, so they differ). */
function numbers(card: Scorecard): unknown {
  return CATEGORY_IDS.map((category) => [
    card.scores[category].score,
    card.scores[category].coverage,
    Object.values(card.scores[category].components).map((component) => [
      component?.score,
      component?.coverage,
      component?.capsApplied,
    ]),
  ]);
}

/** Every category and component score of `after` is at most the one of `before` (null is no score). */
function expectNoRaise(before: Scorecard, after: Scorecard, label: string): void {
  for (const category of CATEGORY_IDS) {
    const was = before.scores[category].score;
    const now = after.scores[category].score;
    if (now !== null) expect(now, `${label}: ${category}`).toBeLessThanOrEqual(was ?? 100);
    for (const [name, component] of Object.entries(after.scores[category].components)) {
      const old = before.scores[category].components[name]?.score ?? null;
      if (component?.score != null)
        expect(component.score, `${label}: ${category}.${name}`).toBeLessThanOrEqual(old ?? 100);
    }
  }
}

/**
 * Seeded runs per property; Stryker's instrumented code (vitest.mutate.config.ts) runs fewer, as
 * each surviving mutant re-runs every property.
 */
const RUNS = process.env.AGENTSCORE_MUTATION === '1' ? 25 : 150;

describe(`scorecard properties (seeded, ${RUNS} runs each)`, () => {
  it('an extra failure never raises any score', () => {
    const random = seededRandom(13);
    for (let run = 0; run < RUNS; run += 1) {
      const results = randomRun(random);
      const profile = randomProfile(random);
      const before = score(results, profile);
      const target = pick(
        random,
        results.filter((result) => result.checks.length > 0),
      );
      const failing = makeResult({
        suite: target.suite,
        probe: target.probe,
        repetition: 99,
        checks: [{ ...pick(random, target.checks), passed: false }],
      });
      expectNoRaise(before, score([...results, failing], profile), `run ${run}`);
    }
  });

  it('an extra errored request never raises any score', () => {
    const random = seededRandom(29);
    for (let run = 0; run < RUNS; run += 1) {
      const results = randomRun(random);
      const profile = randomProfile(random);
      const errored = makeResult({
        suite: 'traffic',
        probe: 'timeout',
        kind: pick(random, ['tool-call', 'json-mode', 'chat-stream', 'agent-loop']),
        status: 'errored',
        reason: pick(random, ['timeout', 'connection-reset', 'truncated-body'] as const),
        checks: [makeCheck('availability', 'reliability.uptimeSla', false)],
      });
      expectNoRaise(score(results, profile), score([...results, errored], profile), `run ${run}`);
    }
  });

  it('removing the profile never raises any score, and equals an all-unknown profile', () => {
    const random = seededRandom(41);
    for (let run = 0; run < RUNS; run += 1) {
      const results = randomRun(random);
      const profile = randomProfile(random);
      const none = score(results, null);
      expectNoRaise(score(results, profile), none, `run ${run}`);
      const unknown = {
        ...profile,
        claims: profile.claims.map((claim) => ({ ...claim, status: 'unknown' as const })),
      };
      expect(numbers(score(results, unknown))).toEqual(numbers(none));
    }
  });

  it('an all-faults target scores below a faithful one in every category', () => {
    const random = seededRandom(5);
    const faithfulResults = randomRun(() => 0).map((result) => ({
      ...result,
      checks: result.checks.map((check) => ({ ...check, passed: true })),
    }));
    const allPass = {
      ...randomProfile(random),
      claims: randomProfile(random).claims.map((claim) => ({ ...claim, status: 'pass' as const })),
    };
    const faithful = score(faithfulResults, allPass);
    const faulty = faithfulResults.map((result) => ({
      ...result,
      checks: result.checks.map((check) => ({ ...check, passed: false })),
      ...(result.kind === 'http'
        ? {}
        : { status: 'errored' as const, reason: 'timeout' as const, evidence: [] }),
    }));
    const allFail = {
      ...allPass,
      claims: allPass.claims.map((claim) => ({ ...claim, status: 'fail' as const })),
    };
    const hostile = score(faulty, allFail);
    for (const category of CATEGORY_IDS) {
      expect(faithful.scores[category].score, category).not.toBeNull();
      expect(hostile.scores[category].score ?? 0, category).toBeLessThan(
        faithful.scores[category].score ?? 0,
      );
    }
  });
});
