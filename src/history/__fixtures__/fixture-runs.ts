/** @module Hand-built scorecards and probe results shaped like recorded runs, for history tests. */
import type { CheckResult, ProbeResult } from '../../spec/probe-result.ts';
import type { ComponentPath, Scorecard } from '../../spec/scorecard.ts';
import { logNormal, seededRandom } from './seeded-random.ts';

export interface FixtureRunOptions {
  runId: string;
  name?: string;
  startedAt?: string;
  /** Overrides component scores, e.g. `{ 'security.authStrength': 40 }`; categories are recomputed. */
  components?: Partial<Record<ComponentPath, number | null>>;
  /** Check verdicts by id (defaults to all passing). */
  checks?: Record<string, boolean | null>;
  latencySeed?: number;
  ttftMedianMs?: number;
  e2eMedianMs?: number;
  latencySamples?: number;
  availability?: { samples: number; successRate: number | null };
  shapeFingerprint?: string[];
}

const BASE_COMPONENTS: Record<ComponentPath, number | null> = {
  'agentFriendliness.mcpQuality': null,
  'agentFriendliness.documentation': 82,
  'agentFriendliness.errorMessages': 80,
  'agentFriendliness.authSimplicity': 92,
  'agentFriendliness.rateLimits': 80,
  'agentFriendliness.toolUse': null,
  'agentFriendliness.structuredOutput': null,
  'security.tlsEnforcement': 100,
  'security.authStrength': 85,
  'security.scopeGranularity': 60,
  'security.dependencyHygiene': 80,
  'security.secretHandling': 90,
  'reliability.uptimeSla': 90,
  'reliability.versionStability': 80,
  'reliability.breakingChanges': 75,
  'reliability.errorRecovery': 83,
  'reliability.latency': null,
  'dataProtection.dataResidency': 90,
  'dataProtection.retentionAndDeletion': 70,
  'dataProtection.dataMinimisation': 60,
  'dataProtection.processorTerms': 80,
  'dataProtection.trainingUse': 70,
};

export const FIXTURE_CHECKS: Record<string, ComponentPath> = {
  'unauthenticated-rejected': 'security.authStrength',
  'key-not-echoed': 'security.secretHandling',
  'rate-limit-headers': 'agentFriendliness.rateLimits',
  'error-envelope-json': 'agentFriendliness.errorMessages',
};

function percentiles(p50: number) {
  return { p50, p95: p50 * 1.5, p99: p50 * 2 };
}

export function fixtureScorecard(options: FixtureRunOptions): Scorecard {
  const values = { ...BASE_COMPONENTS, ...options.components };
  const scores = {} as Scorecard['scores'];
  for (const [path, score] of Object.entries(values)) {
    const [category, component] = path.split('.') as [keyof Scorecard['scores'], string];
    scores[category] ??= { score: null, components: {} };
    scores[category].components[component] = { score, source: 'measured', evidence: [], notes: '' };
  }
  for (const category of Object.values(scores)) {
    const numbers = Object.values(category.components).map((component) => component?.score ?? 0);
    category.score = Math.round(numbers.reduce((sum, value) => sum + value, 0) / numbers.length);
  }
  const startedAt = options.startedAt ?? '2025-01-01T00:00:00.000Z';
  return {
    schemaVersion: 1,
    harnessVersion: '0.1.0',
    rubricVersion: '2025.1',
    startedAt,
    finishedAt: startedAt.replace('00:00.000Z', '05:00.000Z'),
    complete: true,
    target: {
      name: options.name ?? 'mistral',
      provider: 'mistral',
      baseUrl: 'https://api.mistral.ai',
      model: 'm',
    },
    scores,
    metrics: {
      latency: {
        samples: options.latencySamples ?? 30,
        ttftMs: percentiles(options.ttftMedianMs ?? 300),
        ttfbMs: percentiles(200),
        e2eMs: percentiles(options.e2eMedianMs ?? 1200),
        interTokenMs: percentiles(20),
        outputTokensPerSecond: percentiles(50),
      },
      jsonMode: { samples: 10, declaredCoverage: 1, validRate: 0.9, schemaValidRate: 0.8 },
      toolCalls: { samples: 10, forcedCallRate: 1, validArgumentsRate: 1, repeatedCallRate: 0 },
      availability: options.availability ?? { samples: 100, successRate: 0.99 },
    },
    probes: { total: 10, passed: 9, failed: 1, errored: 0, skipped: 0 },
    gotchas: [],
  };
}

function baseResult(runId: string, suite: string, probe: string, repetition: number): ProbeResult {
  return {
    schemaVersion: 1,
    runId,
    suite,
    probe,
    kind: 'http',
    repetition,
    attempt: 1,
    status: 'passed',
    reason: null,
    checks: [],
    timings: { startedAt: '2025-01-01T00:00:01.000Z', durationMs: 100 },
    measurements: {},
    evidence: [
      {
        method: 'POST',
        url: 'https://api.mistral.ai/v1/chat/completions',
        status: 200,
        headers: {},
        bodyExcerpt: '{}',
        bodyBytes: 2,
      },
    ],
  };
}

export function fixtureResults(options: FixtureRunOptions): ProbeResult[] {
  const results: ProbeResult[] = [];
  for (const [id, component] of Object.entries(FIXTURE_CHECKS)) {
    const passed = options.checks?.[id] ?? true;
    const check: CheckResult = { id, component, passed, detail: passed === false ? 'failed' : 'ok' };
    const result = baseResult(options.runId, 'security', id, 1);
    result.status = passed === false ? 'failed' : 'passed';
    result.checks = [check];
    if (options.shapeFingerprint) result.measurements.shapeFingerprint = options.shapeFingerprint;
    results.push(result);
  }
  const random = seededRandom(options.latencySeed ?? 1);
  for (let repetition = 1; repetition <= (options.latencySamples ?? 30); repetition++) {
    const result = baseResult(options.runId, 'latency', 'chat-stream', repetition);
    const ttftMs = logNormal(random, options.ttftMedianMs ?? 300);
    const e2eMs = ttftMs + logNormal(random, (options.e2eMedianMs ?? 1200) - (options.ttftMedianMs ?? 300));
    result.kind = 'chat-stream';
    result.timings = {
      startedAt: '2025-01-01T00:00:02.000Z',
      durationMs: e2eMs,
      ttftMs,
      e2eMs,
      interTokenMs: (e2eMs - ttftMs) / 49,
      outputTokens: 50,
    };
    result.measurements = { latency: true };
    results.push(result);
  }
  return results;
}

export function fixtureRun(options: FixtureRunOptions) {
  return { scorecard: fixtureScorecard(options), results: fixtureResults(options) };
}
