/** @module The gate every request passes: run budget, per-target rate cap, 429 handling with waits. */
import type { Provider, ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import { costOf } from '../scoring/run-cost.ts';
import type { TokenUsage } from '../spec/probe-result.ts';
import { addExchange, type ExchangeTokens, emptyUsage, exchangeTokens } from './exchange-usage.ts';
import { throttleWait } from './throttle-wait.ts';

/** Token and money limits, checked like the request budget: before each request, against what was reported so far. */
export interface TokenBudget {
  maxTokens?: number;
  /** Stop once the reported tokens cost this much at `price` (per million, in the price's currency). */
  maxCost?: {
    amount: number;
    price: { inputPerMillion: number; outputPerMillion: number; currency: string };
  };
}

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
  tokenBudget?: TokenBudget;
}

export class BudgetExhaustedError extends Error {
  readonly code = 'E_BUDGET';
  override readonly name = 'BudgetExhaustedError';
}

export interface GateStats {
  requests: number;
  throttled: number;
  throttledWaitMs: number;
  /** Tokens the target reported over every exchange that passed the gate. */
  usage: TokenUsage;
}

/** Per-call record so a probe knows how many throttled attempts and how much waiting it took. */
export interface GatedSend {
  exchange: ProviderExchange;
  attempts: number;
  throttledWaitMs: number;
  /** What the returned exchange used (see `exchangeTokens`). */
  tokens: ExchangeTokens | 'unmetered' | null;
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
  readonly stats: GateStats = { requests: 0, throttled: 0, throttledWaitMs: 0, usage: emptyUsage() };
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
      // A refused stream_options ask went out too (see ProviderExchange.extraRequests).
      this.stats.requests += exchange.extraRequests ?? 0;
      const tokens = exchangeTokens(exchange);
      addExchange(this.stats.usage, tokens);
      const mayRetry =
        !acceptThrottle && attempt <= this.options.maxThrottleRetries && !this.options.signal.aborted;
      if (exchange.status !== 429 || !mayRetry) {
        if (exchange.status !== 429) this.options.onSuccess?.();
        return { exchange, attempts: attempt, throttledWaitMs, tokens };
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

  /** Adds the tokens an exchange outside `send` (an SDK call) reported to the run's usage. */
  record(tokens: ExchangeTokens | 'unmetered' | null): void {
    addExchange(this.stats.usage, tokens);
  }

  /** Why the token or cost budget forbids another request, or null while it allows one. */
  private tokenBudgetSpent(): string | null {
    const budget = this.options.tokenBudget;
    if (!budget) return null;
    const { usage } = this.stats;
    if (budget.maxTokens !== undefined && usage.input + usage.output >= budget.maxTokens)
      return `token budget of ${budget.maxTokens} spent (${usage.input + usage.output} reported)`;
    if (budget.maxCost && costOf(usage, budget.maxCost.price) >= budget.maxCost.amount)
      return `cost budget of ${budget.maxCost.amount} ${budget.maxCost.price.currency} spent`;
    return null;
  }

  private async takeSlot(): Promise<void> {
    if (this.budgetLeft <= 0)
      throw new BudgetExhaustedError(`request budget of ${this.options.maxRequests} spent`);
    const tokenBudget = this.tokenBudgetSpent();
    if (tokenBudget) throw new BudgetExhaustedError(tokenBudget);
    this.stats.requests += 1;
    const rate = this.options.requestsPerSecond;
    if (!rate) return;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + 1000 / rate;
    await sleep(slot - now, this.options.signal);
  }
}
