/** @module The typed registries of probe kinds and assertions: adding one is adding a file and a line. */
import type { Assertion } from './assertion.ts';
import { availabilityAssertion } from './assertions/availability-assertion.ts';
import {
  noCanaryEchoAssertion,
  noCookiesAssertion,
  noCorsCredentialReflectionAssertion,
  noKeyEchoAssertion,
} from './assertions/echo-assertions.ts';
import { erasedAssertion } from './assertions/erasure-assertions.ts';
import {
  envelopeAssertion,
  envelopeStableAssertion,
  headerPresentAssertion,
  jsonBodyAssertion,
  jsonContentTypeAssertion,
  namesFieldAssertion,
  not5xxAssertion,
  requestIdAssertion,
  statusAssertion,
} from './assertions/http-assertions.ts';
import {
  authTimingRecordedAssertion,
  jsonAcceptedAssertion,
  jsonValidAssertion,
  loopTerminatesAssertion,
  noRepeatedCallsAssertion,
  noToolCallAssertion,
  parallelCallsAssertion,
  schemaValidAssertion,
  streamCompleteAssertion,
  toolArgsValidAssertion,
  toolCalledAssertion,
  toolIdFormatAssertion,
  ttftRecordedAssertion,
} from './assertions/llm-assertions.ts';
import {
  mcpDescriptionsPresentAssertion,
  mcpInitializeAssertion,
  mcpInputSchemasValidAssertion,
  mcpStructuredToolErrorsAssertion,
  mcpToolsListedAssertion,
  mcpUnknownMethodErrorAssertion,
} from './assertions/mcp-assertions.ts';
import {
  deprecationInfoAssertion,
  labsModelsFlaggedAssertion,
  modelServedAssertion,
} from './assertions/model-assertions.ts';
import { OPENAI_SDK_ASSERTIONS } from './assertions/openai-sdk-assertions.ts';
import {
  rateLimit429StatusAssertion,
  rateLimitHeadersPresentAssertion,
  rateLimitJsonBodyAssertion,
  rateLimitRemainingHonestAssertion,
  rateLimitRetryAfterAssertion,
  retryAfterRecoversAssertion,
} from './assertions/rate-limit-assertions.ts';
import {
  sdkCallOkAssertion,
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkLicencesKnownAssertion,
  sdkTimeoutTypedAssertion,
  sdkTypedErrorAssertion,
} from './assertions/sdk-assertions.ts';
import { responseShapeConformanceAssertion } from './assertions/shape-assertions.ts';
import {
  hstsAssertion,
  httpRefusedAssertion,
  tlsCertValidAssertion,
  tlsMinVersionAssertion,
} from './assertions/tls-assertions.ts';
import { agentLoopKind } from './kinds/agent-loop.ts';
import { authTimingKind } from './kinds/auth-timing.ts';
import { burstKind } from './kinds/burst.ts';
import { chatStreamKind } from './kinds/chat-stream.ts';
import { erasureKind } from './kinds/erasure.ts';
import { httpKind } from './kinds/http.ts';
import { jsonModeKind } from './kinds/json-mode.ts';
import { mcpKind } from './kinds/mcp.ts';
import { modelsKind } from './kinds/models.ts';
import { openAiSdkKind } from './kinds/openai-sdk.ts';
import { sdkKind } from './kinds/sdk.ts';
import { tlsKind } from './kinds/tls.ts';
import { toolCallKind } from './kinds/tool-call.ts';
import type { ProbeKind } from './probe-kind.ts';

export const PROBE_KINDS: Record<string, ProbeKind> = Object.fromEntries(
  [
    httpKind,
    authTimingKind,
    chatStreamKind,
    jsonModeKind,
    toolCallKind,
    agentLoopKind,
    tlsKind,
    burstKind,
    sdkKind,
    erasureKind,
    modelsKind,
    mcpKind,
    openAiSdkKind,
  ].map((kind) => [kind.name, kind]),
);

export const ASSERTIONS: Record<string, Assertion> = Object.fromEntries(
  [
    statusAssertion,
    not5xxAssertion,
    jsonContentTypeAssertion,
    jsonBodyAssertion,
    envelopeAssertion,
    envelopeStableAssertion,
    namesFieldAssertion,
    requestIdAssertion,
    headerPresentAssertion,
    noKeyEchoAssertion,
    noCanaryEchoAssertion,
    noCookiesAssertion,
    noCorsCredentialReflectionAssertion,
    availabilityAssertion,
    jsonAcceptedAssertion,
    jsonValidAssertion,
    schemaValidAssertion,
    toolCalledAssertion,
    noToolCallAssertion,
    toolArgsValidAssertion,
    toolIdFormatAssertion,
    parallelCallsAssertion,
    noRepeatedCallsAssertion,
    loopTerminatesAssertion,
    streamCompleteAssertion,
    ttftRecordedAssertion,
    authTimingRecordedAssertion,
    tlsMinVersionAssertion,
    tlsCertValidAssertion,
    hstsAssertion,
    httpRefusedAssertion,
    rateLimitHeadersPresentAssertion,
    rateLimit429StatusAssertion,
    rateLimitRetryAfterAssertion,
    rateLimitJsonBodyAssertion,
    rateLimitRemainingHonestAssertion,
    retryAfterRecoversAssertion,
    sdkCallOkAssertion,
    sdkTypedErrorAssertion,
    sdkDependencyCountAssertion,
    sdkInstallScriptsAssertion,
    sdkLicencesKnownAssertion,
    sdkTimeoutTypedAssertion,
    erasedAssertion,
    modelServedAssertion,
    deprecationInfoAssertion,
    labsModelsFlaggedAssertion,
    responseShapeConformanceAssertion,
    mcpInitializeAssertion,
    mcpToolsListedAssertion,
    mcpInputSchemasValidAssertion,
    mcpDescriptionsPresentAssertion,
    mcpStructuredToolErrorsAssertion,
    mcpUnknownMethodErrorAssertion,
    ...OPENAI_SDK_ASSERTIONS,
  ].map((assertion) => [assertion.name, assertion]),
);

/** Kinds whose traffic is ordinary use: the runner adds an `availability` check to their results. */
export const NORMAL_TRAFFIC_KINDS = new Set<string>([
  'chat-stream',
  'json-mode',
  'tool-call',
  'agent-loop',
  'models',
]);

export function registryNames(): { probeKinds: string[]; assertions: string[] } {
  return { probeKinds: Object.keys(PROBE_KINDS).sort(), assertions: Object.keys(ASSERTIONS).sort() };
}
