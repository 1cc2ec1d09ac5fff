import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../spec/probe-result.ts';
import type { RubricComponent } from '../spec/rubric.ts';
import { scoreComponent } from './score-component.ts';

const rubric: RubricComponent = {
  nullAggregation: 'exclude',
  description: 'uptime',
  checks: {
    availability: { points: 100, description: 'this run' },
    'availability-history': { points: 100, description: 'earlier runs' },
  },
};

const answered = (passed: boolean): CheckResult => ({
  id: 'availability',
  component: 'reliability.uptimeSla',
  passed,
  detail: '',
});

describe('history evidence (availability over stored runs)', () => {
  it('counts as measured evidence beside this run and lowers the score when earlier runs failed', () => {
    const checks = Array.from({ length: 20 }, () => answered(true));
    const alone = scoreComponent({
      path: 'reliability.uptimeSla',
      rubric,
      checks,
      claims: [],
      asOf: '2026-11-25',
    });
    const withHistory = scoreComponent({
      path: 'reliability.uptimeSla',
      rubric,
      checks,
      claims: [],
      asOf: '2026-11-25',
      history: [
        {
          component: 'reliability.uptimeSla',
          check: 'availability-history',
          passed: 900,
          failed: 100,
          runs: 10,
        },
      ],
    });
    expect(alone.score).toBe(100);
    expect(withHistory.score).toBe(90);
    expect(withHistory.evidence).toContain('availability-history');
    expect(withHistory.source).toBe('measured');
  });

  it('alone is enough evidence to judge the component', () => {
    const scored = scoreComponent({
      path: 'reliability.uptimeSla',
      rubric,
      checks: [],
      claims: [],
      asOf: '2026-11-25',
      history: [
        { component: 'reliability.uptimeSla', check: 'availability-history', passed: 99, failed: 1, runs: 3 },
      ],
    });
    expect(scored.score).toBe(99);
  });
});
