/** @module Progress on long runs: a redrawn bar on a TTY, plain lines (every ~5 %) otherwise. */
import type { RunEvents } from '../run/run-suites.ts';
import type { ProbeResult } from '../spec/probe-result.ts';

export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
): RunEvents & { finish(): void } {
  let total = 0;
  let done = 0;
  let failures = 0;
  let startedMs = performance.now();
  let lastLine = -1;
  const tty = Boolean(stream.isTTY);

  function line(): string {
    const elapsed = (performance.now() - startedMs) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    return `${done}/${total} probes · ${rate.toFixed(1)}/s · ETA ${eta}s · ${failures} failed or errored`;
  }

  function draw(): void {
    if (tty) {
      const width = 24;
      const filled = total ? Math.round((done / total) * width) : 0;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line()}\x1b[K`);
      return;
    }
    const step = Math.max(1, Math.floor(total / 20));
    if (done === total || done - lastLine >= step) {
      lastLine = done;
      stream.write(`progress: ${line()}\n`);
    }
  }

  return {
    onPlanned(planned: number, alreadyDone: number) {
      total = planned;
      done = alreadyDone;
      startedMs = performance.now();
      stream.write(
        `running ${planned - alreadyDone} probes${alreadyDone ? ` (${alreadyDone} already done, resuming)` : ''}\n`,
      );
    },
    onResult(result: ProbeResult) {
      done += 1;
      if (result.status === 'failed' || result.status === 'errored') failures += 1;
      draw();
    },
    onThrottle(waitMs: number, concurrency: number) {
      const message = `throttled by the target: waiting ${(waitMs / 1000).toFixed(1)}s, concurrency now ${concurrency}`;
      stream.write(tty ? `\r${message}\x1b[K\n` : `${message}\n`);
    },
    finish() {
      if (tty) stream.write('\n');
    },
  };
}
