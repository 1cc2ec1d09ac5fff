import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Rubric } from '../spec/rubric.ts';
import type { ProfileGotcha } from '../spec/target-profile.ts';
import type { CheckEvidence } from './check-evidence.ts';
import { deriveGotchas, formatPercent } from './derive-gotchas.ts';
import { makeCheck, makeClaim, makeProfile, makeResult, testCheck } from './test-support.ts';

const defaultRubric = parse(
  readFileSync(new URL('../../rubrics/default.yaml', import.meta.url), 'utf8'),
) as Rubric;

const fact = (id: string) => ({
  points: 10,
  title: `${id} title`,
  description: 'd',
  gotcha: `${id} gotcha`,
  advice: `${id} advice`,
});

/** Two components with checks, one judged from facts only (no `checks`). */
function testRubric(): Rubric {
  return {
    ...defaultRubric,
    components: {
      'agentFriendliness.errorMessages': {
        nullAggregation: 'exclude',
        description: 'd',
        checks: {
          alpha: testCheck(10, { title: 'Alpha', gotcha: 'Alpha broke', advice: 'Fix alpha' }),
          beta: testCheck(10, { title: 'Beta', gotcha: 'Beta broke', advice: 'Fix beta' }),
        },
      },
      'reliability.latency': {
        nullAggregation: 'exclude',
        description: 'd',
        checks: { 'latency-ttft': testCheck(10, { title: 'TTFT', gotcha: 'Slow', advice: 'Be quick' }) },
        attested: { sla: fact('sla') },
      },
      'dataProtection.trainingUse': {
        nullAggregation: 'zero',
        description: 'd',
        attested: { 'no-training': fact('no-training') },
      },
    },
  };
}

const COMPONENT = 'agentFriendliness.errorMessages';

function derived(overrides: Partial<CheckEvidence> & Pick<CheckEvidence, 'id'>): CheckEvidence {
  return { samples: 4, credit: 0.5, failShare: 0.5, failed: 2, ...overrides };
}

function profileGotcha(title: string, probeIds: string[]): ProfileGotcha {
  return { title, detail: `${title} detail`, probeIds };
}

describe('formatPercent', () => {
  it('rounds to whole percent and shows 0 % for no samples', () => {
    expect(formatPercent(1, 3)).toBe('33 %');
    expect(formatPercent(2, 3)).toBe('67 %');
    expect(formatPercent(4, 4)).toBe('100 %');
    expect(formatPercent(0, 0)).toBe('0 %');
  });
});

describe('deriveGotchas: measured checks', () => {
  it('words a failed check from the rubric, with its counts, share, two distinct details and probes', () => {
    const results = [
      makeResult({ probe: 'p2', checks: [makeCheck('alpha', COMPONENT, false, 'first')] }),
      makeResult({ probe: 'p1', checks: [makeCheck('alpha', COMPONENT, false, 'first')] }),
      makeResult({ probe: 'p1', repetition: 2, checks: [makeCheck('alpha', COMPONENT, false, '')] }),
      makeResult({ probe: 'p3', checks: [makeCheck('alpha', COMPONENT, false, 'second')] }),
      makeResult({ probe: 'p4', checks: [makeCheck('alpha', COMPONENT, false, 'third')] }),
      makeResult({ probe: 'ok', checks: [makeCheck('alpha', COMPONENT, true, 'fine')] }),
      makeResult({ probe: 'na', checks: [makeCheck('alpha', COMPONENT, null, 'n/a')] }),
    ];
    expect(deriveGotchas(results, null, testRubric())).toEqual([
      {
        title: 'Alpha broke',
        detail: 'Fix alpha. Alpha: failed 5 of 6 (83 %). Evidence: first | second',
        probeIds: ['suite/p1', 'suite/p2', 'suite/p3', 'suite/p4'],
        source: 'measured',
      },
    ]);
  });

  it('leaves out passing checks, unknown check ids and informational checks', () => {
    const results = [
      makeResult({
        checks: [
          makeCheck('beta', COMPONENT, true),
          makeCheck('unknown', COMPONENT, false, 'x'),
          makeCheck('alpha', null, false, 'informs only'),
        ],
      }),
    ];
    expect(deriveGotchas(results, null, testRubric())).toEqual([]);
  });

  it('omits the evidence part when no failure has a detail', () => {
    const results = [makeResult({ checks: [makeCheck('beta', COMPONENT, false, '')] })];
    expect(deriveGotchas(results, null, testRubric())[0]?.detail).toBe(
      'Fix beta. Beta: failed 1 of 1 (100 %).',
    );
  });

  it('adds failed derived checks the rubric knows, with their detail and probes', () => {
    const evidence = [
      derived({ id: 'latency-ttft', detail: 'ttftMs p50 900 ms', probeIds: ['s/a'] }),
      derived({ id: 'beta', failed: 1, samples: 3 }),
      derived({ id: 'alpha', failed: 0, failShare: 0 }),
      derived({ id: 'not-in-rubric' }),
    ];
    expect(deriveGotchas([], null, testRubric(), evidence)).toEqual([
      {
        title: 'Slow',
        detail: 'Be quick. TTFT: failed 2 of 4 (50 %). Evidence: ttftMs p50 900 ms',
        probeIds: ['s/a'],
        source: 'measured',
      },
      {
        title: 'Beta broke',
        detail: 'Fix beta. Beta: failed 1 of 3 (33 %).',
        probeIds: [],
        source: 'measured',
      },
    ]);
  });

  it('orders by failure share, then by failures, then by check id', () => {
    const byShare = deriveGotchas([], null, testRubric(), [
      derived({ id: 'alpha', failed: 1, samples: 4 }),
      derived({ id: 'beta', failed: 3, samples: 4 }),
    ]);
    expect(byShare.map((gotcha) => gotcha.title)).toEqual(['Beta broke', 'Alpha broke']);
    const byCount = deriveGotchas([], null, testRubric(), [
      derived({ id: 'alpha', failed: 1, samples: 2 }),
      derived({ id: 'beta', failed: 2, samples: 4 }),
    ]);
    expect(byCount.map((gotcha) => gotcha.title)).toEqual(['Beta broke', 'Alpha broke']);
    const tie = [derived({ id: 'beta' }), derived({ id: 'alpha' })];
    expect(deriveGotchas([], null, testRubric(), tie).map((gotcha) => gotcha.title)).toEqual([
      'Alpha broke',
      'Beta broke',
    ]);
    expect(deriveGotchas([], null, testRubric(), [...tie].reverse()).map((gotcha) => gotcha.title)).toEqual([
      'Alpha broke',
      'Beta broke',
    ]);
  });
});

describe('deriveGotchas: facts and profile gotchas', () => {
  it('adds fresh failed facts the rubric knows, in the profile order, quoting their source', () => {
    const profile = makeProfile('p', [
      makeClaim({
        id: 'no-training',
        component: 'dataProtection.trainingUse',
        status: 'fail',
        quote: 'We train.',
      }),
      makeClaim({
        id: 'sla',
        component: 'reliability.latency',
        status: 'fail',
        sourceUrl: 'https://x.test/sla',
      }),
      makeClaim({ id: 'sla', component: 'reliability.latency', status: 'pass' }),
      makeClaim({ id: 'sla', component: 'reliability.latency', status: 'unknown' }),
      makeClaim({ id: 'sla', component: 'reliability.latency', status: 'fail', reverifyBy: '2026-11-24' }),
      makeClaim({ id: 'other-fact', component: 'reliability.latency', status: 'fail' }),
    ]);
    expect(deriveGotchas([], profile, testRubric(), [], '2026-11-25')).toEqual([
      {
        title: 'no-training gotcha',
        detail: 'no-training advice. We train. (https://example.test/doc)',
        probeIds: [],
        source: 'attested',
      },
      {
        title: 'sla gotcha',
        detail: 'sla advice. (paraphrase) a claim (https://x.test/sla)',
        probeIds: [],
        source: 'attested',
      },
    ]);
  });

  it('counts every fact as fresh when no date is given', () => {
    const profile = makeProfile('p', [
      makeClaim({ id: 'sla', component: 'reliability.latency', status: 'fail', reverifyBy: '2000-01-01' }),
    ]);
    expect(deriveGotchas([], profile, testRubric()).map((gotcha) => gotcha.title)).toEqual(['sla gotcha']);
  });

  it("keeps the profile's gotchas unless every probe they name ran and always passed", () => {
    const profile = makeProfile('p', []);
    profile.gotchas = [
      profileGotcha('pure', []),
      profileGotcha('contradicted', ['suite/ok', 'suite/ok2']),
      profileGotcha('one failed', ['suite/ok', 'suite/flaky']),
      profileGotcha('one not run', ['suite/ok', 'suite/missing']),
      profileGotcha('errored', ['suite/errored']),
    ];
    const results = [
      makeResult({ probe: 'ok' }),
      makeResult({ probe: 'ok', repetition: 2 }),
      makeResult({ probe: 'ok2' }),
      makeResult({ probe: 'flaky' }),
      makeResult({ probe: 'flaky', repetition: 2, status: 'failed' }),
      makeResult({ probe: 'errored', status: 'errored', reason: 'timeout' }),
    ];
    const gotchas = deriveGotchas(results, profile, testRubric());
    expect(gotchas.map((gotcha) => gotcha.title)).toEqual(['pure', 'one failed', 'one not run', 'errored']);
    expect(gotchas[1]).toEqual({
      title: 'one failed',
      detail: 'one failed detail',
      probeIds: ['suite/ok', 'suite/flaky'],
      source: 'attested',
    });
    // A copy: the scorecard must not share the profile's array.
    expect(gotchas[1]?.probeIds).not.toBe(profile.gotchas[2]?.probeIds);
  });

  it('lists measured gotchas, then failed facts, then profile gotchas', () => {
    const profile = makeProfile('p', [
      makeClaim({ id: 'sla', component: 'reliability.latency', status: 'fail' }),
    ]);
    profile.gotchas = [profileGotcha('from profile', [])];
    const results = [makeResult({ checks: [makeCheck('alpha', COMPONENT, false)] })];
    expect(
      deriveGotchas(results, profile, testRubric()).map((gotcha) => [gotcha.title, gotcha.source]),
    ).toEqual([
      ['Alpha broke', 'measured'],
      ['sla gotcha', 'attested'],
      ['from profile', 'attested'],
    ]);
  });
});
