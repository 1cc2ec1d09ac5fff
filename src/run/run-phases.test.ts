import { describe, expect, it } from 'vitest';
import type { SuiteSpec } from '../spec/suite.ts';
import { AdaptiveConcurrency } from './adaptive-concurrency.ts';
import { planPhases, planProbes } from './plan-probes.ts';
import { runPhases } from './run-phases.ts';

const suites: SuiteSpec[] = [
  {
    id: 'errors',
    title: 'E',
    description: '',
    probes: [
      { id: 'bad-model', kind: 'http' },
      { id: 'oversized-input', kind: 'http', optIn: 'burst' },
      { id: 'wrong-type', kind: 'http', repeat: 3 },
    ],
  },
  {
    id: 'rate-limits',
    title: 'R',
    description: '',
    probes: [{ id: 'burst', kind: 'burst', optIn: 'burst' }],
  },
  {
    id: 'data',
    title: 'D',
    description: '',
    probes: [{ id: 'erase', kind: 'erasure', optIn: 'destructive' }],
  },
];

describe('runPhases', () => {
  it('starts load probes only after every shared probe ended, one at a time, rate-limit bursts first', async () => {
    const events: string[] = [];
    let running = 0;
    let widestAlone = 0;
    const phases = planPhases(planProbes(suites));
    await runPhases(
      phases,
      new AdaptiveConcurrency(4),
      async (item) => {
        running += 1;
        const alone = item.probe.optIn === 'burst';
        if (alone) widestAlone = Math.max(widestAlone, running);
        events.push(`start ${item.key}`);
        // Shared probes take a while, so a load probe started early would overlap them.
        await new Promise((resolve) => setTimeout(resolve, alone ? 1 : 15));
        events.push(`end ${item.key}`);
        running -= 1;
      },
      new AbortController().signal,
    );
    const firstAlone = events.indexOf('start rate-limits/burst#1');
    const lastShared = Math.max(
      ...events.flatMap((event, index) =>
        event.startsWith('end') && !/oversized|burst#/.test(event) ? [index] : [],
      ),
    );
    expect(firstAlone).toBeGreaterThan(lastShared);
    expect(events.slice(firstAlone)).toEqual([
      'start rate-limits/burst#1',
      'end rate-limits/burst#1',
      'start errors/oversized-input#1',
      'end errors/oversized-input#1',
    ]);
    expect(widestAlone).toBe(1);
  });

  it('does not start the load phase after an interrupt', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    await runPhases(
      planPhases(planProbes(suites)),
      new AdaptiveConcurrency(2),
      async (item) => {
        started.push(item.key);
        controller.abort();
      },
      controller.signal,
    );
    expect(started.some((key) => /oversized|burst#/.test(key))).toBe(false);
  });
});
