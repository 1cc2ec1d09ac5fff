/** @module The gate every request passes: run budget, per-target rate cap, 429 handling with waits. */
import type { Provider, ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import { throttleWait } from './throttle-wait.ts';

export interface GateOptions {
  /** Stop sending once this many requests were made (undefined = no budget). */
  maxRequests?: number;
  /** Cap on requests per second to this target (undefined = none). */
  requestsPerSecond?: number;
  /** Throttled retries per request before the 429 is handed back. */
  maxThrottleRetries: number;
  /** Longest single wait we accept from a target. */
  maxThrottleWaitMs: number;
  signal: AbortSignal;
  random?: () => number;
  /** Told about every 429 we waited on, so the runner can lower concurrency. */
  onThrottle?: (waitMs: number) => void;
  onSuccess?: () => void;
}

export class BudgetExhaustedError extends Error {
  readonly code = 'E_BUDGET';
  override readonly name = 'BudgetExhaustedError';
}

export interface GateStats {
  requests: number;
  throttled: number;
  throttledWaitMs: number;
}

/** Per-call record so a probe knows how many throttled attempts and how much waiting it took. */
export interface GatedSend {
  exchange: ProviderExchange;
  attempts: number;
  throttledWaitMs: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class RequestGate {
  readonly stats: GateStats = { requests: 0, throttled: 0, throttledWaitMs: 0 };
  private nextSlotMs = 0;

  constructor(
    private readonly provider: Provider,
    private readonly options: GateOptions,
  ) {}

  get budgetLeft(): number {
    return this.options.maxRequests === undefined
      ? Number.POSITIVE_INFINITY
      : this.options.maxRequests - this.stats.requests;
  }

  async send(request: ProviderRequest, acceptThrottle = false): Promise<GatedSend> {
    let throttledWaitMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      await this.takeSlot();
      const exchange = await this.provider.send(request);
      const mayRetry =
        !acceptThrottle && attempt <= this.options.maxThrottleRetries && !this.options.signal.aborted;
      if (exchange.status !== 429 || !mayRetry) {
        if (exchange.status !== 429) this.options.onSuccess?.();
        return { exchange, attempts: attempt, throttledWaitMs };
      }
      const advice = throttleWait(exchange.headers, attempt, {
        nowMs: Date.now(),
        random: this.options.random ?? Math.random,
        maxWaitMs: this.options.maxThrottleWaitMs,
      });
      this.stats.throttled += 1;
      this.stats.throttledWaitMs += advice.waitMs;
      throttledWaitMs += advice.waitMs;
      this.options.onThrottle?.(advice.waitMs);
      await sleep(advice.waitMs, this.options.signal);
    }
  }

  /** Counts a request that does not go through `send` (an SDK call) against the budget and rate cap. */
  acquire(): Promise<void> {
    return this.takeSlot();
  }

  private async takeSlot(): Promise<void> {
    if (this.budgetLeft <= 0)
      throw new BudgetExhaustedError(`request budget of ${this.options.maxRequests} spent`);
    this.stats.requests += 1;
    const rate = this.options.requestsPerSecond;
    if (!rate) return;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + 1000 / rate;
    await sleep(slot - now, this.options.signal);
  }
}
