import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Rubric } from '../spec/rubric.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { type ComputeScorecardInput, computeScorecard } from './compute-scorecard.ts';
import { makeCheck, makeResult, seededRandom, testCheck } from './test-support.ts';

const rubric = parse(readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8')) as Rubric;
const mistral = parse(
  readFileSync(new URL('../../fixtures/profiles/mistral.yaml', import.meta.url), 'utf8'),
) as TargetProfile;

function input(results: ProbeResult[], profile: TargetProfile | null = null): ComputeScorecardInput {
  return {
    results,
    rubric,
    profile,
    target: {
      name: 'sandbox',
      provider: 'mistral',
      baseUrl: 'http://127.0.0.1:1234',
      model: 'mistral-small-latest',
    },
    harnessVersion: '0.1.0',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:05:00.000Z',
    asOf: '2026-11-25',
    complete: true,
  };
}

const sampleResults = (): ProbeResult[] => [
  makeResult({
    suite: 'errors',
    probe: 'malformed-json',
    checks: [
      makeCheck('error-4xx-not-5xx', 'agentFriendliness.errorMessages', true),
      makeCheck(
        'error-json-content-type',
        'agentFriendliness.errorMessages',
        false,
        'content-type text/html',
      ),
      makeCheck('error-structured-envelope', 'agentFriendliness.errorMessages', true),
      makeCheck('error-names-field', 'agentFriendliness.errorMessages', true),
      makeCheck('status-recorded', null, true),
    ],
  }),
  makeResult({
    suite: 'tool-calls',
    probe: 'agent-loop',
    status: 'failed',
    checks: [makeCheck('no-repeated-calls', 'agentFriendliness.toolUse', false, 'call 3 repeated call 2')],
    measurements: { toolCalls: { forced: false, calls: 5, validArguments: 5, repeatedCalls: 2 } },
  }),
  makeResult({
    suite: 'chat',
    probe: 'stream',
    repetition: 2,
    measurements: { latency: true },
    timings: { startedAt: '2026-11-25T10:00:01.000Z', durationMs: 300, ttftMs: 120, e2eMs: 300 },
    checks: [makeCheck('availability', 'reliability.uptimeSla', true)],
  }),
  makeResult({
    suite: 'auth',
    probe: 'no-key',
    checks: [makeCheck('unauthenticated-rejected', 'security.authStrength', true)],
  }),
];

describe('computeScorecard', () => {
  it('is deterministic: same input twice, or lines shuffled, gives byte-identical JSON', () => {
    const first = JSON.stringify(computeScorecard(input(sampleResults(), mistral)));
    expect(JSON.stringify(computeScorecard(input(sampleResults(), mistral)))).toBe(first);
    const random = seededRandom(3);
    const shuffled = sampleResults()
      .map((result) => ({ result, order: random() }))
      .sort((left, right) => left.order - right.order)
      .map(({ result }) => result);
    expect(JSON.stringify(computeScorecard(input(shuffled, mistral)))).toBe(first);
  });

  it('keeps the scorecard.json key order', () => {
    const inputs = { rubric: { name: 'default', sha256: 'a'.repeat(64) }, profile: null };
    const scorecard = computeScorecard({ ...input(sampleResults()), inputs });
    expect(scorecard.inputs).toEqual(inputs);
    expect(Object.keys(scorecard)).toEqual([
      'schemaVersion',
      'harnessVersion',
      'rubricVersion',
      'startedAt',
      'finishedAt',
      'complete',
      'target',
      'scores',
      'metrics',
      'probes',
      'gotchas',
      'scoringNotes',
      'inputs',
      'validity',
    ]);
    expect(Object.keys(scorecard.scores)).toEqual([
      'agentFriendliness',
      'security',
      'reliability',
      'dataProtection',
    ]);
    expect(Object.keys(scorecard.scores.agentFriendliness.components)).toEqual([
      'mcpQuality',
      'documentation',
      'errorMessages',
      'authSimplicity',
      'rateLimits',
      'toolUse',
      'structuredOutput',
    ]);
    expect(Object.keys(scorecard.scores.reliability.components)).toEqual([
      'uptimeSla',
      'versionStability',
      'breakingChanges',
      'errorRecovery',
      'latency',
    ]);
    expect(scorecard.scores.agentFriendliness.coverage).toBeDefined();
    expect(scorecard.rubricVersion).toBe(rubric.rubricVersion);
  });

  it('counts the last attempt of each probe repetition once (retries, merged shards)', () => {
    const attempt = (n: number, status: ProbeResult['status']) =>
      makeResult({
        suite: 's',
        probe: 'p',
        attempt: n,
        status,
        reason: status === 'errored' ? 'timeout' : null,
      });
    const results = [
      attempt(2, 'passed'),
      attempt(1, 'errored'),
      attempt(2, 'passed'),
      makeResult({ probe: 'q', status: 'skipped' }),
    ];
    expect(computeScorecard(input(results)).probes).toEqual({
      total: 2,
      passed: 1,
      failed: 0,
      errored: 0,
      skipped: 1,
    });
  });

  it('scores routed checks, ignores informational ones, and leaves unjudged components null', () => {
    const scorecard = computeScorecard(input(sampleResults()));
    const errors = scorecard.scores.agentFriendliness.components.errorMessages;
    expect(errors?.score).toBe(40); // error-json-content-type cap
    expect(errors?.capsApplied).toEqual(['errors are not JSON → errorMessages ≤ 40']);
    expect(errors?.evidence).toEqual([
      'error-4xx-not-5xx',
      'error-json-content-type',
      'error-names-field',
      'error-structured-envelope',
    ]);
    expect(scorecard.scores.agentFriendliness.components.mcpQuality).toMatchObject({
      score: null,
      source: 'not-applicable',
    });
    expect(scorecard.scores.dataProtection.score).toBeNull();
    expect(scorecard.probes.total).toBe(4);
  });

  it('never turns the seed page into scores: the Mistral profile alone judges only attested facts', () => {
    const scores = computeScorecard(input([makeResult()], mistral)).scores;
    // Facts only, no measurement: components with checks fall below the coverage floor.
    expect(scores.agentFriendliness.components.documentation?.score).toBeNull();
    expect(scores.agentFriendliness.components.rateLimits?.score).toBeNull();
    expect(scores.reliability.components.uptimeSla?.score).toBeNull();
    // Scope: keys scoped by workspace only (partial, 30 of 60) and per-key limits unknown (0 of 40).
    expect(scores.security.components.scopeGranularity?.score).toBe(30);
    expect(scores.security.components.dependencyHygiene?.score).toBeNull();
  });

  it('a failed fact lowers the score and a removed profile never raises one', () => {
    const failing: TargetProfile = {
      ...mistral,
      claims: mistral.claims.map((claim) => ({ ...claim, status: 'fail' as const })),
    };
    const asIs = computeScorecard(input(sampleResults(), mistral)).scores;
    const failed = computeScorecard(input(sampleResults(), failing)).scores;
    const none = computeScorecard(input(sampleResults(), null)).scores;
    expect(failed.dataProtection.components.processorTerms?.score).toBe(0);
    expect(asIs.dataProtection.components.processorTerms?.score ?? 0).toBeGreaterThan(0);
    for (const category of ['agentFriendliness', 'security', 'reliability', 'dataProtection'] as const) {
      for (const [name, component] of Object.entries(asIs[category].components)) {
        const lower = failed[category].components[name]?.score;
        if (component?.score != null && lower != null)
          expect(lower, name).toBeLessThanOrEqual(component.score);
        const without = none[category].components[name]?.score;
        if (without != null) expect(without, name).toBeLessThanOrEqual(lower ?? 100);
      }
    }
  });

  it('derives measured gotchas worded for agent developers, naming their probes', () => {
    const gotchas = computeScorecard(input(sampleResults())).gotchas;
    const loop = gotchas.find((gotcha) => gotcha.probeIds.includes('tool-calls/agent-loop'));
    expect(loop).toMatchObject({ title: 'Tool calls repeat in agent loops', source: 'measured' });
    expect(loop?.detail).toContain('de-duplicate identical calls and keep a max-iterations guard');
    expect(loop?.detail).toContain('call 3 repeated call 2');
    for (const gotcha of gotchas) expect(gotcha.title).not.toMatch(/^Check /);
    const html = gotchas.find((gotcha) => gotcha.probeIds.includes('errors/malformed-json'));
    expect(html?.title).toBe('Some errors are not JSON');
    expect(html?.detail).toContain('content-type text/html');
  });

  it('keeps attested gotchas unless every probe they name passed', () => {
    const titles = (results: ProbeResult[]) =>
      computeScorecard(input(results, mistral))
        .gotchas.filter((gotcha) => gotcha.source === 'attested')
        .map((gotcha) => gotcha.probeIds.join(','));
    const passedLoop = makeResult({ suite: 'tool-calls', probe: 'agent-loop', status: 'passed' });
    const failedLoop = makeResult({ suite: 'tool-calls', probe: 'agent-loop', status: 'failed' });
    expect(titles([])).toContain('tool-calls/agent-loop');
    expect(titles([failedLoop])).toContain('tool-calls/agent-loop');
    expect(titles([passedLoop])).not.toContain('tool-calls/agent-loop');
    expect(titles([passedLoop])).toContain(''); // purely attested gotchas always stay
  });

  it('surfaces checks that name an unknown component instead of dropping them silently', () => {
    const stray = makeResult({
      checks: [{ id: 'x', component: 'security.nope' as never, passed: false, detail: '' }],
    });
    expect(computeScorecard(input([stray])).scoringNotes).toEqual([
      'checks naming an unknown component (not scored): x → security.nope',
    ]);
  });

  it('treats claims past reverifyBy as unknown', () => {
    const late = { ...input([makeResult()], mistral), asOf: '2099-01-01' };
    const stale = computeScorecard(late).scores.security.components.scopeGranularity;
    const fresh = computeScorecard(input([makeResult()], mistral)).scores.security.components
      .scopeGranularity;
    expect(fresh?.score).toBe(30);
    expect(stale?.unverified).toEqual(['key-scopes', 'per-key-limits']);
    expect(stale?.score).toBeNull(); // stale is unknown, and unknown is never a pass
  });
});

describe('computeScorecard: wiring of its parts', () => {
  it('gives stored history only to the component it names', () => {
    const history = [
      { component: 'reliability.uptimeSla' as const, check: 'availability', passed: 90, failed: 10, runs: 4 },
    ];
    const without = computeScorecard(input(sampleResults()));
    const withHistory = computeScorecard({ ...input(sampleResults()), history });
    expect(withHistory.scores.reliability.components.uptimeSla?.coverage?.samples).toBe(
      (without.scores.reliability.components.uptimeSla?.coverage?.samples ?? 0) + 100,
    );
    expect(withHistory.scores.security).toEqual(without.scores.security);
    expect(withHistory.scores.reliability.components.latency).toEqual(
      without.scores.reliability.components.latency,
    );
  });

  it('scores the derived checks the rubric marks derived, and notes those it does not implement', () => {
    const scorecard = computeScorecard(input(sampleResults()));
    expect(scorecard.scores.reliability.components.latency?.evidence).toEqual([
      'latency-ttft',
      'latency-e2e',
    ]);
    expect(scorecard.scoringNotes).toEqual([]);
    const extended: Rubric = structuredClone(rubric);
    const latency = extended.components['reliability.latency'];
    if (latency?.checks === undefined) throw new Error('the default rubric has latency checks');
    latency.checks['latency-itl'] = { ...testCheck(10), derived: true };
    latency.checks['latency-tps'] = { ...testCheck(10), derived: true };
    expect(computeScorecard({ ...input(sampleResults()), rubric: extended }).scoringNotes).toEqual([
      'derived checks the scorer does not implement (not scored): latency-itl, latency-tps',
    ]);
  });

  it('words a failed derived check as a gotcha', () => {
    const serverError = (probe: string, status: number) =>
      makeResult({
        suite: 'chat',
        probe,
        evidence: [{ method: 'POST', url: 'u', status, headers: {}, bodyExcerpt: '', bodyBytes: 0 }],
      });
    const scorecard = computeScorecard(input([serverError('a', 200), serverError('b', 503)]));
    const gotcha = scorecard.gotchas.find((item) => item.probeIds.includes('chat/b'));
    expect(gotcha?.title).toBe(
      rubric.components['reliability.errorRecovery']?.checks?.['no-5xx-under-normal-load']?.gotcha,
    );
    expect(gotcha?.detail).toContain('1 of 2 normal-traffic exchanges got 5xx or no answer');
  });

  it('judges a category against the category coverage floor, and the component floor when it has none', () => {
    const share = computeScorecard(input(sampleResults())).scores.agentFriendliness.coverage?.share ?? 0;
    expect(share).toBeGreaterThan(0);
    const floors = (categoryCoverageFloor: number | undefined, coverageFloor: number): Rubric => {
      const scoring = { ...rubric.scoring, coverageFloor, categoryCoverageFloor };
      if (categoryCoverageFloor === undefined) delete scoring.categoryCoverageFloor;
      return { ...rubric, scoring };
    };
    const score = (custom: Rubric) =>
      computeScorecard({ ...input(sampleResults()), rubric: custom }).scores.agentFriendliness.score;
    const low = rubric.scoring.coverageFloor;
    expect(score(floors(share / 2, low))).not.toBeNull();
    expect(score(floors(Math.min(1, share * 1.5), low))).toBeNull();
    expect(score(floors(undefined, low))).toBe(share >= low ? score(floors(share / 2, low)) : null);
  });

  it('copies the contacted host and preset of the target only when given', () => {
    const contacted = { host: 'api.example.test', addresses: ['192.0.2.1'] };
    const base = input(sampleResults());
    const scorecard = computeScorecard({ ...base, target: { ...base.target, contacted, preset: 'mistral' } });
    expect(scorecard.target).toEqual({ ...base.target, contacted, preset: 'mistral' });
    expect(Object.keys(computeScorecard(base).target)).toEqual(['name', 'provider', 'baseUrl', 'model']);
  });

  it('gives the OpenAI drop-in verdict of a valid run only', () => {
    const sdk = makeResult({
      suite: 'openai-sdk',
      probe: 'chat',
      checks: [makeCheck('sdk-chat-works', null, true)],
    });
    const valid = computeScorecard(input([...sampleResults(), sdk]));
    expect(valid.openAiDropIn).toBeDefined();
    expect(computeScorecard(input(sampleResults())).openAiDropIn).toBeUndefined();
    const preflight = {
      outcome: 'key-rejected' as const,
      urlTried: 'u',
      baseUrl: 'u',
      fallbackAdopted: false,
      requests: [],
      message: 'the key was rejected',
      durationMs: 1,
    };
    const invalid = computeScorecard({ ...input([...sampleResults(), sdk]), preflight });
    expect(invalid.validity?.valid).toBe(false);
    expect(invalid.openAiDropIn).toBeUndefined();
  });

  it('reports a component nothing measured with no evidence', () => {
    const tls = computeScorecard(input(sampleResults())).scores.security.components.tlsEnforcement;
    expect(tls?.evidence).toEqual([]);
    expect(tls?.coverage?.samples).toBe(0);
    expect(tls?.notes).toMatch(/^no evidence; coverage 0 % of \d+ points$/);
  });
});
