/** @module sandbox/sleep — timers that end early when the client goes away (so close() never waits on them). */
import type { ServerResponse } from 'node:http';

/** Resolves at `performance.now() === until`, or as soon as `response` closes. Returns false when it closed. */
export function sleepUntil(until: number, response: ServerResponse): Promise<boolean> {
  if (response.destroyed || response.writableEnded) return Promise.resolve(false);
  const delay = until - performance.now();
  if (delay <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', onClose);
      resolve(true);
    }, delay);
    response.once('close', onClose);
  });
}
