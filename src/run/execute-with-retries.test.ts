import { describe, expect, it } from 'vitest';
import { makeResult } from '../scoring/test-support.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import { executeWithRetries } from './execute-with-retries.ts';
import { planProbes } from './plan-probes.ts';

function itemWith(retries: number) {
  const [item] = planProbes([
    { id: 's', title: 'S', description: '', probes: [{ id: 'p', kind: 'http', retries }] },
  ]);
  return item!;
}

function sequence(results: ProbeResult[]) {
  let calls = 0;
  return {
    execute: async () => results[Math.min(calls++, results.length - 1)]!,
    calls: () => calls,
  };
}

const timeout = makeResult({ status: 'errored', reason: 'timeout' });

describe('executeWithRetries', () => {
  it('retries transport failures as often as the probe asks, adding up attempts', async () => {
    const runs = sequence([timeout, timeout, makeResult({ attempt: 2 })]);
    const result = await executeWithRetries(itemWith(3), runs.execute, new AbortController().signal);
    expect(runs.calls()).toBe(3);
    expect(result.status).toBe('passed');
    expect(result.attempt).toBe(4);
  });

  it('does not retry without retries, after a verdict, after a non-transport error, or once interrupted', async () => {
    const signal = new AbortController().signal;
    for (const [retries, first] of [
      [0, timeout],
      [2, makeResult({ status: 'failed' })],
      [2, makeResult({ status: 'errored', reason: 'invalid-json' })],
    ] as const) {
      const runs = sequence([first, makeResult()]);
      await executeWithRetries(itemWith(retries), runs.execute, signal);
      expect(runs.calls()).toBe(1);
    }
    const controller = new AbortController();
    controller.abort();
    const runs = sequence([timeout, makeResult()]);
    await executeWithRetries(itemWith(2), runs.execute, controller.signal);
    expect(runs.calls()).toBe(1);
  });
});
