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
import { makeCheck, makeClaim, makeResult } from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;

const PATHS = Object.keys(CATALOGUE) as ComponentPath[];

describe('rubrics/default.yaml', () => {
  it('names every check and attested claim of the catalogue, under the component it feeds, and nothing else', () => {
    for (const path of PATHS) {
      const component = rubric.components[path];
      expect(component, path).toBeDefined();
      expect(Object.keys(component?.checks ?? {}).sort(), path).toEqual([...CATALOGUE[path].checks].sort());
      expect(Object.keys(component?.attested ?? {}).sort(), path).toEqual(
        [...CATALOGUE[path].attested].sort(),
      );
    }
    expect(Object.keys(rubric.components).sort()).toEqual([...allComponentPaths()].sort());
  });

  it('has weights for exactly the category components, summing to 1', () => {
    for (const category of CATEGORY_IDS) {
      const weights = rubric.categories[category].weights;
      expect(Object.keys(weights).sort(), category).toEqual([...CATEGORY_COMPONENTS[category]].sort());
      const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
      expect(total, category).toBeCloseTo(1, 9);
    }
  });

  it('counts a missing MCP server as 0 and leaves other gaps out', () => {
    for (const path of PATHS) {
      expect(rubric.components[path]?.nullAggregation, path).toBe(
        path === 'agentFriendliness.mcpQuality' ? 'zero' : 'exclude',
      );
    }
  });

  it('keeps points and caps within 0-100 and gives every check and claim a description', () => {
    for (const path of PATHS) {
      const component = rubric.components[path];
      for (const rule of [
        ...Object.values(component?.checks ?? {}),
        ...Object.values(component?.attested ?? {}),
      ]) {
        expect(rule.description.length).toBeGreaterThan(0);
        expect(rule.points ?? 0).toBeGreaterThanOrEqual(0);
        expect(rule.points ?? 0).toBeLessThanOrEqual(100);
        if (rule.cap) expect(rule.cap.max).toBeLessThanOrEqual(100);
      }
    }
  });
});

// ------------------------------------------------------------------ fault families

function baselineResults(): ProbeResult[] {
  return PATHS.map((path) =>
    makeResult({
      suite: path.split('.')[0],
      probe: path.split('.')[1],
      checks: CATALOGUE[path].checks.flatMap((id) =>
        Array.from({ length: id === 'availability' ? 10 : 1 }, () => makeCheck(id, path, true)),
      ),
    }),
  );
}

function baselineProfile(failing: readonly string[] = []): TargetProfile {
  return {
    schemaVersion: 1,
    name: 'test',
    title: 'test',
    description: '',
    homepage: 'https://example.test',
    tags: [],
    claims: PATHS.flatMap((path) =>
      CATALOGUE[path].attested.map((id) =>
        makeClaim({ id, component: path, status: failing.includes(id) ? 'fail' : 'pass' }),
      ),
    ),
    sections: {
      bestWhen: '',
      avoidWhen: '',
      useCases: [],
      notFor: [],
      interface: {
        restApi: true,
        graphql: false,
        grpc: false,
        mcpServer: false,
        sdk: false,
        webhooks: false,
      },
      authentication: { methods: [], oauth: false, scopes: false, notes: '' },
      pricing: { model: '', freeTier: false, requiresCreditCard: false, notes: '' },
      agentMetadata: { pagination: '', idempotent: false, retryGuidance: '' },
    },
    gotchas: [],
    sources: [],
  };
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
  const scorecard = computeScorecard({
    results,
    rubric,
    profile,
    target: { name: 't', provider: 'mistral', baseUrl: 'https://example.test', model: 'm' },
    harnessVersion: 'test',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:05:00.000Z',
    asOf: '2026-11-25',
    complete: true,
  });
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
  meant: ComponentPath[];
}

const FAMILIES: FaultFamily[] = [
  ...PATHS.map((path) => ({
    name: `every check of ${path}`,
    checks: CATALOGUE[path].checks,
    claims: CATALOGUE[path].checks.length === 0 ? CATALOGUE[path].attested : [],
    meant: [path],
  })),
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
    name: '5xx storm (every other request)',
    checks: ['availability', 'no-5xx-under-normal-load'],
    shareFailed: 0.5,
    meant: ['reliability.uptimeSla', 'reliability.errorRecovery'],
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
      const results = withFailures(baselineResults(), family.checks ?? [], family.shareFailed);
      const scores = componentScores(results, baselineProfile(family.claims ?? []));
      for (const path of PATHS) {
        const before = baseline.get(path) ?? 0;
        const after = scores.get(path) ?? 0;
        if (family.meant.includes(path)) expect(before - after, `${path} drop`).toBeGreaterThanOrEqual(30);
        else expect(after, `${path} must not move`).toBe(before);
      }
    });
  }
});
