/** @module Why a probe cannot run on this target at all, decided before any request. */
import type { FailureReason } from '../spec/probe-result.ts';
import type { ProbeSpec, Requirement } from '../spec/suite.ts';
import type { Capabilities, Target } from '../spec/target.ts';

export interface RequirementContext {
  target: Pick<Target, 'baseUrl' | 'mcpUrl' | 'budgets' | 'capabilities'>;
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

/** A `requires` the target lacks, or an opt-in a remote target has not given; null when the probe may run. */
export function unmetRequirement(
  probe: Pick<ProbeSpec, 'requires' | 'optIn'>,
  context: RequirementContext,
): { reason: FailureReason; detail: string } | null {
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
