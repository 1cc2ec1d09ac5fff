/** @module Retries a probe only where it asks (`retries: N`), and only after a transport failure. */
import type { FailureReason, ProbeResult } from '../spec/probe-result.ts';
import type { PlannedProbe } from './plan-probes.ts';

const RETRYABLE: ReadonlySet<FailureReason> = new Set<FailureReason>([
  'timeout',
  'connection-reset',
  'connection-refused',
  'truncated-body',
]);

/** Attempts add up across retries so the result says how many requests the probe took. */
export async function executeWithRetries(
  item: PlannedProbe,
  execute: (item: PlannedProbe) => Promise<ProbeResult>,
  signal: AbortSignal,
): Promise<ProbeResult> {
  let result = await execute(item);
  for (let retry = 1; retry <= (item.probe.retries ?? 0); retry += 1) {
    if (
      result.status !== 'errored' ||
      result.reason === null ||
      !RETRYABLE.has(result.reason) ||
      signal.aborted
    )
      break;
    const next = await execute(item);
    result = { ...next, attempt: result.attempt + next.attempt };
  }
  return result;
}
