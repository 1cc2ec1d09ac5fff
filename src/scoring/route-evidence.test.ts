import { describe, expect, it } from 'vitest';
import type { ComponentPath } from '../spec/scorecard.ts';
import { routeEvidence } from './route-evidence.ts';
import { makeCheck, makeClaim, makeProfile, makeResult } from './test-support.ts';

const exchange = (status: number | null) => ({
  method: 'POST',
  url: 'http://x/v1/chat/completions',
  status,
  headers: {},
  bodyExcerpt: '',
  bodyBytes: 0,
});

describe('routeEvidence', () => {
  it('groups checks by component, skips informational ones and marks those a 5xx kept from a verdict', () => {
    const routed = routeEvidence(
      [
        makeResult({
          evidence: [exchange(200), exchange(500)],
          checks: [
            makeCheck('a', 'security.authStrength', null),
            makeCheck('b', 'security.authStrength', true),
            makeCheck('info', null, true),
          ],
        }),
        makeResult({
          probe: 'other',
          evidence: [exchange(null), exchange(499)],
          checks: [makeCheck('a', 'security.authStrength', null)],
        }),
      ],
      null,
    );
    expect([...routed.checks.keys()]).toEqual(['security.authStrength']);
    expect(routed.checks.get('security.authStrength')).toEqual([
      { ...makeCheck('a', 'security.authStrength', null), lostToTarget: true },
      makeCheck('b', 'security.authStrength', true),
      makeCheck('a', 'security.authStrength', null),
    ]);
    expect(routed.notes).toEqual([]);
  });

  it('notes checks and claims naming an unknown component, sorted and joined', () => {
    const nowhere = 'security.nowhere' as ComponentPath;
    const routed = routeEvidence(
      [
        makeResult({ checks: [makeCheck('z', nowhere, true), makeCheck('y', nowhere, false)] }),
        makeResult({ probe: 'again', checks: [makeCheck('z', nowhere, true)] }),
      ],
      makeProfile('p', [
        makeClaim({ id: 'D-A', component: nowhere }),
        makeClaim({ id: 'D-B', component: 'dataProtection.dataResidency' }),
        makeClaim({ id: 'D-C', component: 'dataProtection.dataResidency' }),
        makeClaim({ id: 'D-D', component: 'other.place' as ComponentPath }),
      ]),
    );
    expect(routed.checks.size).toBe(0);
    expect(routed.claims.get('dataProtection.dataResidency')?.map((claim) => claim.id)).toEqual([
      'D-B',
      'D-C',
    ]);
    expect(routed.notes).toEqual([
      'checks naming an unknown component (not scored): y → security.nowhere, z → security.nowhere',
      'claims naming an unknown component (not scored): D-A → security.nowhere, D-D → other.place',
    ]);
  });
});
