/**
 * @module What a probe kind hands its assertions: one observation, a union discriminated by the kind
 * that produced it. Assertions read it through `observationOf(outcome, kind)`, which is typed by the
 * kind asked for, instead of guessing the shape of an untyped bag.
 */
import type { AgentLoopObservations } from './kinds/agent-loop.ts';
import type { AuthTimingObservations } from './kinds/auth-timing.ts';
import type { BurstObservations } from './kinds/burst.ts';
import type { LatencyObservations } from './kinds/chat-stream.ts';
import type { ErasureObservations } from './kinds/erasure.ts';
import type { JsonModeObservations } from './kinds/json-mode.ts';
import type { McpObservations } from './kinds/mcp.ts';
import type { ModelsObservations } from './kinds/models.ts';
import type { OpenAiSdkObservations } from './kinds/openai-sdk.ts';
import type { RegionalEndpointsObservations } from './kinds/regional-endpoints.ts';
import type { SdkCallObservations, SdkDependencyObservations } from './kinds/sdk.ts';
import type { TlsObservations } from './kinds/tls.ts';
import type { ToolCallObservations } from './kinds/tool-call.ts';

/** The observation each kind produces (`http` produces none: its assertions read the exchanges). */
export interface ObservationsByKind {
  'auth-timing': AuthTimingObservations;
  'chat-stream': LatencyObservations;
  'json-mode': JsonModeObservations;
  'tool-call': ToolCallObservations;
  'agent-loop': AgentLoopObservations;
  tls: TlsObservations;
  burst: BurstObservations;
  sdk: SdkCallObservations | SdkDependencyObservations;
  erasure: ErasureObservations;
  models: ModelsObservations;
  mcp: McpObservations;
  'openai-sdk': OpenAiSdkObservations;
  'regional-endpoints': RegionalEndpointsObservations;
}

export type ObservingKind = keyof ObservationsByKind;

export type Observation = {
  [Kind in ObservingKind]: { kind: Kind; data: ObservationsByKind[Kind] };
}[ObservingKind];

/** The observation of `kind`, or null when the outcome holds none of that kind. */
export function observationOf<Kind extends ObservingKind>(
  outcome: { observation?: Observation },
  kind: Kind,
): ObservationsByKind[Kind] | null {
  const observation = outcome.observation;
  return observation?.kind === kind ? (observation.data as ObservationsByKind[Kind]) : null;
}
