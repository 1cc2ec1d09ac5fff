/**
 * @module Progress on long runs: on a TTY one line redrawn in place that always fits the terminal's
 * width (a wrapped line cannot be redrawn and piles up), plain lines (every ~5 %) otherwise.
 */
import type { RunEvents } from '../run/run-suites.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import { fitToWidth, usableColumns } from './terminal-style.ts';

export interface ProgressState {
  done: number;
  total: number;
  failures: number;
  /** Probes per second so far. */
  rate: number;
  /** Seconds left at that rate. */
  etaSeconds: number;
}

/** The bar is drawn only when at least this many cells fit beside the text. */
const MIN_BAR = 8;
const MAX_BAR = 24;

/**
 * The TTY line for `width` columns: the most detailed wording that fits, with as much bar as the
 * rest of the width allows (none when too narrow).
 */
export function progressLine(state: ProgressState, width: number): string {
  const { done, total, failures } = state;
  const rate = state.rate.toFixed(1);
  const text = fitToWidth(
    [
      `${done}/${total} probes · ${rate}/s · ETA ${state.etaSeconds}s · ${failures} failed or errored`,
      `${done}/${total} probes · ${rate}/s · ETA ${state.etaSeconds}s · ${failures} failed`,
      `${done}/${total} · ETA ${state.etaSeconds}s · ${failures} failed`,
      `${done}/${total} · ${failures} failed`,
      `${done}/${total}`,
    ],
    width,
  );
  const bar = Math.min(MAX_BAR, width - text.length - 3);
  if (bar < MIN_BAR) return text;
  const filled = total ? Math.round((done / total) * bar) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${text}`;
}

export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
): RunEvents & { finish(): void } {
  let total = 0;
  let done = 0;
  let failures = 0;
  let startedMs = performance.now();
  let lastLine = -1;
  let drawn = false;
  const tty = Boolean(stream.isTTY);

  function state(): ProgressState {
    const elapsed = (performance.now() - startedMs) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const etaSeconds = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    return { done, total, failures, rate, etaSeconds };
  }

  function draw(): void {
    if (tty) {
      // Read the width on every draw: the terminal may have been resized.
      stream.write(`\r${progressLine(state(), usableColumns(stream))}\x1b[K`);
      drawn = true;
      return;
    }
    const step = Math.max(1, Math.floor(total / 20));
    if (done === total || done - lastLine >= step) {
      lastLine = done;
      const { rate, etaSeconds } = state();
      stream.write(
        `progress: ${done}/${total} probes · ${rate.toFixed(1)}/s · ETA ${etaSeconds}s · ${failures} failed or errored\n`,
      );
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
      // On a TTY the notice replaces the progress line and stays; the next result draws a new one below.
      stream.write(tty ? `\r${message}\x1b[K\n` : `${message}\n`);
      drawn = false;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
