/** @module Interrupt grace: after an abort, in-flight probes may finish for a while; later results are dropped. */

export class InterruptGrace {
  private interruptedAt: number | null = null;
  /** Set when `settle` gave up on late work: nothing may be written after the results file closes. */
  private over = false;

  constructor(
    private readonly signal: AbortSignal,
    private readonly graceMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (signal.aborted) this.interruptedAt = now();
    else signal.addEventListener('abort', () => (this.interruptedAt = this.now()), { once: true });
  }

  /** Whether a result finishing now still counts: no interrupt yet, or within the grace after it. */
  accepts(): boolean {
    if (this.over) return false;
    return this.interruptedAt === null || this.now() - this.interruptedAt < this.graceMs;
  }

  /**
   * Resolves when `work` settles or, after an interrupt, when the grace period is over, whichever is
   * first. Queued probes see the abort and return at once; in-flight ones get the grace period.
   */
  async settle(work: Promise<unknown>): Promise<void> {
    const interrupted = new Promise<void>((resolve) => {
      if (this.signal.aborted) resolve();
      else this.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await Promise.race([work, interrupted]);
    if (!this.signal.aborted) return;
    let graceTimer: NodeJS.Timeout | undefined;
    const elapsed = this.now() - (this.interruptedAt ?? this.now());
    await Promise.race([
      work,
      new Promise((resolve) => (graceTimer = setTimeout(resolve, Math.max(0, this.graceMs - elapsed)))),
    ]);
    clearTimeout(graceTimer);
    this.over = true;
  }
}
