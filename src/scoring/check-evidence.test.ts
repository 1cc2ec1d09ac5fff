import { describe, expect, it } from 'vitest';
import { measuredEvidence, tallyChecks } from './check-evidence.ts';
import { routeEvidence } from './route-evidence.ts';
import { makeCheck, makeResult, TEST_SCORING } from './test-support.ts';

describe('samples lost to the target', () => {
  it('earn nothing and fail nothing: a 5xx can never raise a check above its judged samples', () => {
    const echo = (passed: boolean | null, status: number) =>
      makeResult({
        probe: `pii-${status}`,
        checks: [makeCheck('pii-not-echoed', 'dataProtection.dataMinimisation', passed)],
        evidence: [
          {
            method: 'POST',
            url: 'http://x/v1/chat/completions',
            status,
            headers: {},
            bodyExcerpt: '',
            bodyBytes: 0,
          },
        ],
      });
    const routed = routeEvidence([echo(false, 422), echo(null, 503), echo(null, 503)], null);
    const tally = tallyChecks(routed.checks.get('dataProtection.dataMinimisation') ?? []).get(
      'pii-not-echoed',
    );
    expect(tally).toEqual({ passed: 0, failed: 1, partial: 0, lost: 2 });
    const lost = measuredEvidence('pii-not-echoed', tally, TEST_SCORING);
    expect(lost).toMatchObject({ samples: 1, failed: 1, credit: 0 });

    const passing = routeEvidence([echo(true, 422), echo(null, 503)], null);
    const half = measuredEvidence(
      'pii-not-echoed',
      tallyChecks(passing.checks.get('dataProtection.dataMinimisation') ?? []).get('pii-not-echoed'),
      TEST_SCORING,
    );
    // One pass, one sample lost to a 503: half the points, and no failure to report.
    expect(half).toMatchObject({ samples: 1, failed: 0, credit: 0.5 });
  });

  it('a null verdict without a server failure is simply not judged', () => {
    const routed = routeEvidence(
      [makeResult({ checks: [makeCheck('tool-choice-honoured', 'agentFriendliness.toolUse', null)] })],
      null,
    );
    expect(
      tallyChecks(routed.checks.get('agentFriendliness.toolUse') ?? []).get('tool-choice-honoured')?.lost,
    ).toBe(0);
  });
});

describe('tallyChecks', () => {
  it('counts passes, failures, partial failures and lost verdicts; a null verdict counts nowhere', () => {
    const path = 'security.authStrength';
    const tallies = tallyChecks([
      makeCheck('a', path, true),
      makeCheck('a', path, false),
      { ...makeCheck('a', path, false), partial: true },
      { ...makeCheck('a', path, false), partial: true },
      { ...makeCheck('a', path, null), lostToTarget: true },
      makeCheck('a', path, null),
      makeCheck('b', path, null),
    ]);
    expect(tallies.get('a')).toEqual({ passed: 1, failed: 1, partial: 2, lost: 1 });
    expect(tallies.get('b')).toEqual({ passed: 0, failed: 0, partial: 0, lost: 0 });
  });
});

describe('measuredEvidence', () => {
  const scoring = { ...TEST_SCORING, partialCheckCredit: 0.25 };

  it('has no evidence without a tally or without a judged sample', () => {
    expect(measuredEvidence('x', undefined, scoring)).toBeNull();
    expect(measuredEvidence('x', { passed: 0, failed: 0, partial: 0, lost: 3 }, scoring)).toBeNull();
  });

  it('credits passes and partial credit over judged and lost samples; fails count partial losses', () => {
    expect(measuredEvidence('x', { passed: 2, failed: 1, partial: 2, lost: 1 }, scoring)).toEqual({
      id: 'x',
      samples: 5,
      credit: (2 + 2 * 0.25) / 6,
      failShare: (1 + 2 * 0.75) / 5,
      failed: 3,
    });
  });

  it('maps availability through the published bands', () => {
    // 199 of 200 = 99.5 %: the 90-point band; partial answers count as failures.
    expect(
      measuredEvidence('availability', { passed: 199, failed: 0, partial: 1, lost: 0 }, scoring),
    ).toEqual({
      id: 'availability',
      samples: 200,
      credit: 0.9,
      failShare: 1 / 200,
      failed: 1,
    });
    expect(
      measuredEvidence('availability-history', { passed: 96, failed: 4, partial: 0, lost: 7 }, scoring),
    ).toMatchObject({ samples: 100, credit: 0.4, failShare: 0.04, failed: 4 });
  });
});
