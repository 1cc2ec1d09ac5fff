import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from './adaptive-concurrency.ts';

describe('AdaptiveConcurrency', () => {
  it('halves on every throttle down to 1 and creeps back one slot per run of successes, up to the ceiling', () => {
    const concurrency = new AdaptiveConcurrency(8, 3);
    expect(concurrency.current).toBe(8);
    expect(concurrency.throttled()).toBe(4);
    expect(concurrency.throttled()).toBe(2);
    expect(concurrency.throttled()).toBe(1);
    expect(concurrency.throttled()).toBe(1);
    concurrency.succeeded();
    concurrency.succeeded();
    expect(concurrency.current).toBe(1);
    concurrency.succeeded();
    expect(concurrency.current).toBe(2);
    // A throttle resets the run of successes.
    concurrency.succeeded();
    concurrency.succeeded();
    concurrency.throttled();
    concurrency.succeeded();
    expect(concurrency.current).toBe(1);
    for (let index = 0; index < 100; index += 1) concurrency.succeeded();
    expect(concurrency.current).toBe(8);
  });

  it('schedules work no wider than the current concurrency', async () => {
    const concurrency = new AdaptiveConcurrency(4);
    concurrency.throttled();
    let running = 0;
    let widest = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        concurrency.limit(async () => {
          running += 1;
          widest = Math.max(widest, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running -= 1;
        }),
      ),
    );
    expect(widest).toBe(2);
  });
});
