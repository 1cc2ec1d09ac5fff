/** @module The identity of one result: `suite/probe#repetition`, the one way it is built (plan, resume, dedupe, reports). */
import type { ProbeResult } from './probe-result.ts';

export type ResultIdentity = Pick<ProbeResult, 'suite' | 'probe' | 'repetition'>;

/** Suite and probe ids match `[A-Za-z0-9._-]+` (suite schema), so `/` and `#` cannot make two keys collide. */
export function resultKey(identity: ResultIdentity): string {
  return `${identity.suite}/${identity.probe}#${identity.repetition}`;
}
