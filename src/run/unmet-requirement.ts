/** @module Why a probe cannot run on this target at all, decided before any request. */
import type { FailureReason } from '../spec/probe-result.ts';
import type { AuthMode, ProbeSpec, Requirement } from '../spec/suite.ts';
import type { AuthScheme, Capabilities, Target } from '../spec/target.ts';

export interface RequirementContext {
  target: Pick<Target, 'baseUrl' | 'mcpUrl' | 'budgets' | 'capabilities' | 'auth'>;
  hasSdk: boolean;
  isLoopback: boolean;
}

/** Requirements a target's declared capabilities (from a preset or config) can rule out. */
const CAPABILITY_OF = {
  streaming: 'streaming',
  tools: 'toolCalls',
  'json-object': 'jsonObject',
  'json-schema': 'jsonSchema',
  files: 'files',
  embeddings: 'embeddings',
} as const satisfies Partial<Record<Requirement, keyof Capabilities>>;

/**
 * An auth probe that puts the key in a "wrong" place (an `x-api-key` header, a `?api_key=`) tests a
 * bearer API; for a target that takes its key exactly there, it is the right place and proves nothing.
 */
function keyWhereTheTargetTakesIt(
  probeAuth: AuthMode | undefined,
  scheme: AuthScheme | undefined,
): string | null {
  if (!probeAuth || !scheme) return null;
  if (
    probeAuth.mode === 'header' &&
    scheme.scheme === 'header' &&
    probeAuth.name.toLowerCase() === scheme.name.toLowerCase()
  )
    return `the ${scheme.name} header`;
  if (probeAuth.mode === 'query' && scheme.scheme === 'query' && probeAuth.param === scheme.param)
    return `the ${scheme.param} query parameter`;
  return null;
}

/** A `requires` the target lacks, or an opt-in a remote target has not given; null when the probe may run. */
export function unmetRequirement(
  probe: Pick<ProbeSpec, 'requires' | 'optIn' | 'request'>,
  context: RequirementContext,
): { reason: FailureReason; detail: string } | null {
  const misplaced = keyWhereTheTargetTakesIt(probe.request?.auth, context.target.auth);
  if (misplaced)
    return {
      reason: 'not-applicable',
      detail: `${misplaced} is where this target takes its key, not a wrong place`,
    };
  for (const need of probe.requires ?? []) {
    if (need === 'https' && !context.target.baseUrl.startsWith('https:'))
      return { reason: 'not-applicable', detail: 'target is plain http: TLS checks do not apply' };
    if (need === 'sdk' && !context.hasSdk)
      return { reason: 'not-supported', detail: 'provider has no official SDK driver' };
    if (need === 'mcp' && !context.target.mcpUrl)
      return { reason: 'not-applicable', detail: 'target declares no MCP endpoint' };
    const capability = CAPABILITY_OF[need as keyof typeof CAPABILITY_OF];
    // Only a capability the target says it lacks is skipped: unknown ones are measured.
    if (capability && context.target.capabilities?.[capability] === false)
      return {
        reason: 'not-supported',
        detail: `the target says it offers no ${need} (${capability}: false)`,
      };
  }
  if (probe.optIn && !context.isLoopback) {
    const burst = probe.optIn === 'burst';
    const allowed = burst ? context.target.budgets?.allowBurst : context.target.budgets?.allowDestructive;
    if (!allowed)
      return {
        reason: 'opt-in',
        detail: `${probe.optIn} probe: opt in with budgets.allow${burst ? 'Burst' : 'Destructive'} for remote targets`,
      };
  }
  return null;
}
