/** @module Adaptive concurrency: halve on every 429 we had to wait for, creep back after a run of successes. */
import pLimit, { type LimitFunction } from 'p-limit';

export class AdaptiveConcurrency {
  /** Schedules work at the current concurrency. */
  readonly limit: LimitFunction;
  private successesSinceThrottle = 0;

  constructor(
    private readonly ceiling: number,
    /** Successes in a row before one more slot opens again. */
    private readonly recoverAfter = 20,
  ) {
    this.limit = pLimit(ceiling);
  }

  get current(): number {
    return this.limit.concurrency;
  }

  /** A 429 was waited on: halve (never below 1). Returns the new concurrency. */
  throttled(): number {
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
    this.successesSinceThrottle = 0;
    return this.limit.concurrency;
  }

  succeeded(): void {
    this.successesSinceThrottle += 1;
    if (this.successesSinceThrottle >= this.recoverAfter && this.limit.concurrency < this.ceiling) {
      this.limit.concurrency += 1;
      this.successesSinceThrottle = 0;
    }
  }
}
