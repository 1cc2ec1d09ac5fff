import { describe, expect, it } from 'vitest';
import { InterruptGrace } from './interrupt-grace.ts';

describe('InterruptGrace', () => {
  it('accepts results until the grace after an interrupt is over', () => {
    let now = 1000;
    const controller = new AbortController();
    const grace = new InterruptGrace(controller.signal, 500, () => now);
    expect(grace.accepts()).toBe(true);
    controller.abort();
    now = 1499;
    expect(grace.accepts()).toBe(true);
    now = 1500;
    expect(grace.accepts()).toBe(false);
  });

  it('settles with the work when no interrupt comes', async () => {
    const grace = new InterruptGrace(new AbortController().signal, 10_000);
    let done = false;
    const work = new Promise<void>((resolve) =>
      setTimeout(() => {
        done = true;
        resolve();
      }, 20),
    );
    await grace.settle(work);
    expect(done).toBe(true);
    expect(grace.accepts()).toBe(true);
  });

  it('stops waiting for work that outlives the grace after an interrupt', async () => {
    const controller = new AbortController();
    const grace = new InterruptGrace(controller.signal, 50);
    const never = new Promise<void>(() => {});
    setTimeout(() => controller.abort(), 10);
    const started = performance.now();
    await grace.settle(never);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(50);
    expect(waited).toBeLessThan(5000);
    expect(grace.accepts()).toBe(false);
  });

  it('returns at once for work that ends within the grace', async () => {
    const controller = new AbortController();
    controller.abort();
    const grace = new InterruptGrace(controller.signal, 60_000);
    const started = performance.now();
    await grace.settle(new Promise((resolve) => setTimeout(resolve, 20)));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
