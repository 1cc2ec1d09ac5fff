import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Rubric } from '../spec/rubric.ts';
import {
  allComponentPaths,
  CATEGORY_COMPONENTS,
  CATEGORY_IDS,
  type ComponentPath,
} from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { CATALOGUE } from './__fixtures__/check-catalogue.ts';
import { computeScorecard } from './compute-scorecard.ts';
import { DERIVED_CHECKS } from './derive-checks.ts';
import {
  makeCheck,
  makeClaim,
  makeProfile,
  makeResult,
  TEST_SCORING,
  testScoringInput,
} from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;

const PATHS = Object.keys(CATALOGUE) as ComponentPath[];

describe('rubrics/default.yaml', () => {
  it('names every check and attested fact of the catalogue, under the component it feeds, and nothing else', () => {
    for (const path of PATHS) {
      const component = rubric.components[path];
      expect(component, path).toBeDefined();
      const checks = [...CATALOGUE[path].checks, ...(CATALOGUE[path].derived ?? [])];
      expect(Object.keys(component?.checks ?? {}).sort(), path).toEqual(checks.sort());
      const derived = Object.entries(component?.checks ?? {}).filter(([, rule]) => rule.derived === true);
      expect(derived.map(([id]) => id).sort(), path).toEqual([...(CATALOGUE[path].derived ?? [])].sort());
      expect(Object.keys(component?.attested ?? {}).sort(), path).toEqual(
        [...CATALOGUE[path].attested].sort(),
      );
    }
    expect(Object.keys(rubric.components).sort()).toEqual([...allComponentPaths()].sort());
  });

  it('implements every derived check it declares', () => {
    const declared = PATHS.flatMap((path) => CATALOGUE[path].derived ?? []);
    expect(Object.keys(DERIVED_CHECKS).sort()).toEqual(declared.sort());
  });

  it('makes gates of exactly the derived "request answered" checks', () => {
    // A gate's unanswered share counts the checks no answer could show as failed (scoreComponent):
    // on any other check that would punish a target for one unlucky probe.
    const gates = PATHS.flatMap((path) =>
      Object.entries(rubric.components[path]?.checks ?? {})
        .filter(([, rule]) => rule.gate === true)
        .map(([id, rule]) => `${path}/${id}${rule.derived === true ? '' : ' (not derived)'}`),
    );
    expect(gates.sort()).toEqual([
      'agentFriendliness.structuredOutput/json-answers-complete',
      'agentFriendliness.toolUse/tool-turns-answered',
    ]);
  });

  it('publishes the scoring rules the tests use', () => {
    expect(rubric.scoring).toEqual(TEST_SCORING);
  });

  it('has weights for exactly the category components, summing to 1', () => {
    for (const category of CATEGORY_IDS) {
      const weights = rubric.categories[category].weights;
      expect(Object.keys(weights).sort(), category).toEqual([...CATEGORY_COMPONENTS[category]].sort());
      const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
      expect(total, category).toBeCloseTo(1, 9);
    }
  });

  it('counts a null component with facts (or MCP) as 0, and leaves out measured-only ones and unreachable rate limits', () => {
    for (const path of PATHS) {
      const hasFacts = CATALOGUE[path].attested.length > 0;
      expect(rubric.components[path]?.nullAggregation, path).toBe(
        (hasFacts && path !== 'agentFriendliness.rateLimits') || path === 'agentFriendliness.mcpQuality'
          ? 'zero'
          : 'exclude',
      );
    }
  });

  it('words every check and fact: title, a real gotcha sentence, advice; gotchas never repeat', () => {
    const gotchas: string[] = [];
    for (const path of PATHS) {
      const component = rubric.components[path];
      for (const [id, rule] of [
        ...Object.entries(component?.checks ?? {}),
        ...Object.entries(component?.attested ?? {}),
      ]) {
        for (const text of [rule.title, rule.description, rule.gotcha, rule.advice]) {
          expect(text.length, `${id}`).toBeGreaterThan(3);
        }
        expect(rule.gotcha, id).not.toMatch(/^check |see the probe evidence/i);
        expect(rule.points ?? 0).toBeGreaterThanOrEqual(0);
        expect(rule.points ?? 0).toBeLessThanOrEqual(100);
        if (rule.cap) expect(rule.cap.max).toBeLessThanOrEqual(100);
        gotchas.push(rule.gotcha);
      }
    }
    expect(new Set(gotchas).size).toBe(gotchas.length);
  });
});

// ------------------------------------------------------------------ fault families

const OK = { method: 'POST', url: 'http://t/v1/x', status: 200, headers: {}, bodyExcerpt: '', bodyBytes: 2 };

/** Ordinary traffic the derived checks read: tool calls, JSON mode, model lists, timed streams. */
function trafficResults(): ProbeResult[] {
  const repeat = (count: number, make: (repetition: number) => ProbeResult) =>
    Array.from({ length: count }, (_, index) => make(index + 1));
  return [
    ...repeat(3, (repetition) =>
      makeResult({ suite: 'tool-calls', probe: 'forced', kind: 'tool-call', repetition, evidence: [OK] }),
    ),
    ...repeat(3, (repetition) =>
      makeResult({ suite: 'json-mode', probe: 'schema', kind: 'json-mode', repetition, evidence: [OK] }),
    ),
    ...repeat(2, (repetition) =>
      makeResult({
        suite: 'versions',
        probe: 'models',
        kind: 'models',
        repetition,
        evidence: [OK],
        measurements: { shapeFingerprint: ['data:array', 'object:string'] },
      }),
    ),
    ...repeat(10, (repetition) =>
      makeResult({
        suite: 'latency',
        probe: 'stream',
        kind: 'chat-stream',
        repetition,
        evidence: [OK],
        measurements: { latency: true },
        timings: { startedAt: '2026-11-25T10:00:00.000Z', durationMs: 600, ttftMs: 100, e2eMs: 600 },
      }),
    ),
  ];
}

function baselineResults(): ProbeResult[] {
  return [
    ...PATHS.map((path) =>
      makeResult({
        suite: path.split('.')[0],
        probe: path.split('.')[1],
        checks: CATALOGUE[path].checks.flatMap((id) =>
          Array.from({ length: id === 'availability' ? 10 : 1 }, () => makeCheck(id, path, true)),
        ),
      }),
    ),
    ...trafficResults(),
  ];
}

/** Applies `change` to the traffic results of one probe (`suite/probe`), the first `count` repetitions. */
function withTraffic(
  results: ProbeResult[],
  probe: string,
  change: (result: ProbeResult) => ProbeResult,
  count = Number.POSITIVE_INFINITY,
): ProbeResult[] {
  return results.map((result) =>
    `${result.suite}/${result.probe}` === probe && result.repetition <= count ? change(result) : result,
  );
}

function baselineProfile(failing: readonly string[] = []): TargetProfile {
  return makeProfile(
    'test',
    PATHS.flatMap((path) =>
      CATALOGUE[path].attested.map((id) =>
        makeClaim({ id, component: path, status: failing.includes(id) ? 'fail' : 'pass' }),
      ),
    ),
  );
}

/** Fails the given checks in every result; `shareFailed` < 1 fails only that share of each check's results. */
function withFailures(results: ProbeResult[], ids: readonly string[], shareFailed = 1): ProbeResult[] {
  return results.map((result) => {
    const seen = new Map<string, number>();
    return {
      ...result,
      checks: result.checks.map((check) => {
        if (!ids.includes(check.id)) return check;
        const index = seen.get(check.id) ?? 0;
        seen.set(check.id, index + 1);
        const total = result.checks.filter((other) => other.id === check.id).length;
        return index < Math.round(total * shareFailed) ? { ...check, passed: false } : check;
      }),
    };
  });
}

function componentScores(results: ProbeResult[], profile: TargetProfile): Map<ComponentPath, number | null> {
  const scorecard = computeScorecard(testScoringInput(results, rubric, profile));
  return new Map(
    PATHS.map((path) => {
      const [category, component] = path.split('.') as [keyof typeof scorecard.scores, string];
      return [path, scorecard.scores[category].components[component]?.score ?? null];
    }),
  );
}

interface FaultFamily {
  name: string;
  checks?: string[];
  claims?: string[];
  shareFailed?: number;
  /** Changes to the ordinary traffic, for the derived checks. */
  traffic?: (results: ProbeResult[]) => ProbeResult[];
  meant: ComponentPath[];
  /** Minimum drop of the meant components (default 30). */
  by?: number;
}

const timedOut = (result: ProbeResult): ProbeResult => ({
  ...result,
  status: 'errored',
  reason: 'timeout',
  evidence: [],
});

const FAMILIES: FaultFamily[] = [
  ...PATHS.filter((path) => CATALOGUE[path].checks.length + CATALOGUE[path].attested.length > 0).map(
    (path) => ({
      name: `every check of ${path}`,
      checks: CATALOGUE[path].checks,
      claims: CATALOGUE[path].checks.length === 0 ? CATALOGUE[path].attested : [],
      meant: [path],
    }),
  ),
  {
    name: 'tool-call turns time out',
    traffic: (results) => withTraffic(results, 'tool-calls/forced', timedOut),
    meant: ['agentFriendliness.toolUse', 'reliability.errorRecovery'],
    // Every tool check was still judged from other answered probes: only the 30 answer points go.
    by: 15,
  },
  {
    name: 'JSON-mode answers cut off',
    traffic: (results) =>
      withTraffic(results, 'json-mode/schema', (result) => ({
        ...timedOut(result),
        reason: 'truncated-body',
      })),
    meant: ['agentFriendliness.structuredOutput', 'reliability.errorRecovery'],
    by: 15,
  },
  {
    name: 'response shape changes between repetitions',
    traffic: (results) =>
      withTraffic(
        results,
        'versions/models',
        (result) => ({ ...result, measurements: { shapeFingerprint: ['data:object'] } }),
        1,
      ),
    meant: ['reliability.breakingChanges'],
  },
  {
    name: 'slow first token and slow streams',
    traffic: (results) =>
      withTraffic(results, 'latency/stream', (result) => ({
        ...result,
        timings: { ...result.timings, ttftMs: 2500, e2eMs: 9000 },
      })),
    meant: ['reliability.latency'],
  },
  { name: 'leaky errors (key echoed)', checks: ['key-not-echoed'], meant: ['security.secretHandling'] },
  { name: 'canary key echoed', checks: ['canary-key-not-echoed'], meant: ['security.secretHandling'] },
  {
    name: 'auth disabled',
    checks: ['unauthenticated-rejected', 'wrong-key-rejected'],
    meant: ['security.authStrength'],
  },
  {
    name: 'HTML error on malformed JSON',
    checks: ['error-json-content-type'],
    meant: ['agentFriendliness.errorMessages'],
  },
  {
    name: 'missing rate-limit headers',
    checks: ['ratelimit-headers-present', 'ratelimit-retry-after'],
    meant: ['agentFriendliness.rateLimits'],
  },
  {
    name: 'throttling without 429',
    checks: ['ratelimit-429-status'],
    meant: ['agentFriendliness.rateLimits'],
  },
  {
    name: '5xx storm (every other stream)',
    checks: ['availability'],
    shareFailed: 0.5,
    traffic: (results) =>
      withTraffic(
        results,
        'latency/stream',
        (result) => ({ ...result, evidence: [{ ...OK, status: 503 }] }),
        5,
      ),
    meant: ['reliability.uptimeSla', 'reliability.errorRecovery'],
  },
  {
    name: 'only the offending value echoed (P-PIIECHO warning)',
    traffic: (results) =>
      results.map((result) => ({
        ...result,
        checks: result.checks.map((check) =>
          check.id === 'pii-not-echoed' ? { ...check, passed: false, partial: true } : check,
        ),
      })),
    meant: ['dataProtection.dataMinimisation'],
    by: 20,
  },
  { name: 'erasure ignored', checks: ['file-erased'], meant: ['dataProtection.retentionAndDeletion'] },
  { name: 'silent model swap', checks: ['requested-model-served'], meant: ['reliability.versionStability'] },
  {
    name: 'unknown models accepted',
    checks: ['unknown-model-rejected'],
    meant: ['reliability.versionStability'],
  },
  { name: 'broken certificate', checks: ['tls-cert-valid'], meant: ['security.tlsEnforcement'] },
  { name: 'input echoed in errors', checks: ['pii-not-echoed'], meant: ['dataProtection.dataMinimisation'] },
  {
    name: 'required fields dropped',
    checks: ['response-shape-conformance'],
    meant: ['reliability.breakingChanges'],
  },
  {
    name: 'MCP server does not initialise',
    checks: ['mcp-initialize'],
    meant: ['agentFriendliness.mcpQuality'],
  },
  {
    name: 'bearer header rejected',
    checks: ['bearer-header-works'],
    meant: ['agentFriendliness.authSimplicity'],
  },
  { name: 'no DPA', claims: ['D-DPA'], meant: ['dataProtection.processorTerms'] },
  { name: 'trains on API data', claims: ['D-TRAINING'], meant: ['dataProtection.trainingUse'] },
  { name: 'no key scopes', claims: ['key-scopes'], meant: ['security.scopeGranularity'] },
];

describe('fault families move the component they are meant to move, and only that one', () => {
  const baseline = componentScores(baselineResults(), baselineProfile());

  it('the all-pass baseline scores 100 everywhere', () => {
    for (const [path, score] of baseline) expect(score, path).toBe(100);
  });

  for (const family of FAMILIES) {
    it(family.name, () => {
      const failed = withFailures(baselineResults(), family.checks ?? [], family.shareFailed);
      const results = family.traffic ? family.traffic(failed) : failed;
      const scores = componentScores(results, baselineProfile(family.claims ?? []));
      for (const path of PATHS) {
        const before = baseline.get(path) ?? 0;
        const after = scores.get(path) ?? 0;
        if (family.meant.includes(path)) {
          expect(before - after, `${path} drop`).toBeGreaterThanOrEqual(family.by ?? 30);
        } else expect(after, `${path} must not move`).toBe(before);
      }
    });
  }
});
