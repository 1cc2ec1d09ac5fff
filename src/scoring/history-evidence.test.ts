import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../spec/probe-result.ts';
import type { RubricComponent } from '../spec/rubric.ts';
import { scoreComponent } from './score-component.ts';
import { TEST_SCORING, testCheck } from './test-support.ts';

const rubric: RubricComponent = {
  nullAggregation: 'zero',
  description: 'uptime',
  checks: { availability: testCheck(60), 'availability-history': testCheck(30) },
};

const answered = (passed: boolean): CheckResult => ({
  id: 'availability',
  component: 'reliability.uptimeSla',
  passed,
  detail: '',
});

const score = (checks: CheckResult[], history: { passed: number; failed: number }[] = []) =>
  scoreComponent({
    path: 'reliability.uptimeSla',
    rubric,
    scoring: TEST_SCORING,
    checks,
    claims: [],
    asOf: '2026-11-25',
    history: history.map((tally) => ({
      component: 'reliability.uptimeSla' as const,
      check: 'availability-history',
      runs: 10,
      ...tally,
    })),
  });

describe('history evidence (availability over stored runs)', () => {
  it('counts as measured evidence beside this run, mapped by nines, and lowers the score when earlier runs failed', () => {
    const checks = Array.from({ length: 20 }, () => answered(true));
    const alone = score(checks);
    // 99 % over earlier runs earns 75 of the 30 history points: (60 + 22.5) / 90.
    const withHistory = score(checks, [{ passed: 990, failed: 10 }]);
    expect(alone.score).toBe(100);
    expect(alone.coverage?.share).toBeCloseTo(60 / 90, 9);
    expect(withHistory.score).toBe(92);
    expect(withHistory.evidence).toContain('availability-history');
    expect(withHistory.source).toBe('measured');
    expect(withHistory.coverage?.share).toBe(1);
  });

  it('alone falls below the coverage floor when it covers too little of the component', () => {
    const scored = score([], [{ passed: 99, failed: 1 }]);
    expect(scored.score).toBeNull();
    expect(scored.notes).toContain('insufficient evidence');
  });
});
