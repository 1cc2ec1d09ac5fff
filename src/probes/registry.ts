/** @module The typed registries of probe kinds and assertions: adding one is adding a file and a line. */

import { ASSERTION_NAMES, type AssertionName, type KindName, PROBE_KIND_NAMES } from '../spec/suite.ts';
import type { SuiteRegistry } from '../suite/load-suites.ts';
import type { Assertion } from './assertion.ts';
import { availabilityAssertion } from './assertions/availability-assertion.ts';
import {
  noCanaryEchoAssertion,
  noCookiesAssertion,
  noCorsCredentialReflectionAssertion,
  noKeyEchoAssertion,
} from './assertions/echo-assertions.ts';
import { erasedAssertion } from './assertions/erasure-assertions.ts';
import { errorStatusDocumentedAssertion } from './assertions/error-status-documented.ts';
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
import {
  openAiSdkAuthenticatedAssertion,
  openAiSdkErrorClassAssertion,
  openAiSdkErrorMessageSurfacedAssertion,
  openAiSdkOkAssertion,
} from './assertions/openai-sdk-assertions.ts';
import {
  rateLimit429StatusAssertion,
  rateLimitHeadersPresentAssertion,
  rateLimitJsonBodyAssertion,
  rateLimitRemainingHonestAssertion,
  rateLimitRetryAfterAssertion,
  retryAfterRecoversAssertion,
} from './assertions/rate-limit-assertions.ts';
import { regionalEndpointAnswersAssertion } from './assertions/residency-assertions.ts';
import {
  sdkCallOkAssertion,
  sdkDependencyCountAssertion,
  sdkInstallScriptsAssertion,
  sdkLicencesKnownAssertion,
  sdkNotDeprecatedAssertion,
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
import { regionalEndpointsKind } from './kinds/regional-endpoints.ts';
import { sdkKind } from './kinds/sdk.ts';
import { tlsKind } from './kinds/tls.ts';
import { toolCallKind } from './kinds/tool-call.ts';
import { NO_PARAMETERS, type ProbeKind } from './probe-kind.ts';

/**
 * Every kind by name. The key set is `KindName` (spec/suite.ts): a name without a handler, or a
 * handler filed under another name, fails to compile.
 */
export const PROBE_KINDS: { readonly [Name in KindName]: ProbeKind<Name> } = {
  http: httpKind,
  'auth-timing': authTimingKind,
  'chat-stream': chatStreamKind,
  'json-mode': jsonModeKind,
  'tool-call': toolCallKind,
  'agent-loop': agentLoopKind,
  tls: tlsKind,
  burst: burstKind,
  sdk: sdkKind,
  erasure: erasureKind,
  models: modelsKind,
  mcp: mcpKind,
  'openai-sdk': openAiSdkKind,
  'regional-endpoints': regionalEndpointsKind,
};

/** Every assertion by name, checked by the compiler like PROBE_KINDS. */
export const ASSERTIONS: { readonly [Name in AssertionName]: Assertion<Name> } = {
  status: statusAssertion,
  'not-5xx': not5xxAssertion,
  'json-content-type': jsonContentTypeAssertion,
  'json-body': jsonBodyAssertion,
  envelope: envelopeAssertion,
  'envelope-stable': envelopeStableAssertion,
  'names-field': namesFieldAssertion,
  'request-id': requestIdAssertion,
  'header-present': headerPresentAssertion,
  'error-status-documented': errorStatusDocumentedAssertion,
  'no-key-echo': noKeyEchoAssertion,
  'no-canary-echo': noCanaryEchoAssertion,
  'no-cookies': noCookiesAssertion,
  'no-cors-credential-reflection': noCorsCredentialReflectionAssertion,
  availability: availabilityAssertion,
  'json-accepted': jsonAcceptedAssertion,
  'json-valid': jsonValidAssertion,
  'schema-valid': schemaValidAssertion,
  'tool-called': toolCalledAssertion,
  'no-tool-call': noToolCallAssertion,
  'tool-args-valid': toolArgsValidAssertion,
  'tool-id-format': toolIdFormatAssertion,
  'parallel-calls': parallelCallsAssertion,
  'no-repeated-calls': noRepeatedCallsAssertion,
  'loop-terminates': loopTerminatesAssertion,
  'stream-complete': streamCompleteAssertion,
  'ttft-recorded': ttftRecordedAssertion,
  'auth-timing-recorded': authTimingRecordedAssertion,
  'tls-min-version': tlsMinVersionAssertion,
  'tls-cert-valid': tlsCertValidAssertion,
  hsts: hstsAssertion,
  'http-refused': httpRefusedAssertion,
  'ratelimit-headers-present': rateLimitHeadersPresentAssertion,
  'ratelimit-429-status': rateLimit429StatusAssertion,
  'ratelimit-retry-after': rateLimitRetryAfterAssertion,
  'ratelimit-json-body': rateLimitJsonBodyAssertion,
  'ratelimit-remaining-honest': rateLimitRemainingHonestAssertion,
  'retry-after-recovers': retryAfterRecoversAssertion,
  'sdk-call-ok': sdkCallOkAssertion,
  'sdk-typed-error': sdkTypedErrorAssertion,
  'sdk-dependency-count': sdkDependencyCountAssertion,
  'sdk-install-scripts': sdkInstallScriptsAssertion,
  'sdk-licences-known': sdkLicencesKnownAssertion,
  'sdk-timeout-typed': sdkTimeoutTypedAssertion,
  'sdk-not-deprecated': sdkNotDeprecatedAssertion,
  erased: erasedAssertion,
  'model-served': modelServedAssertion,
  'deprecation-info': deprecationInfoAssertion,
  'labs-models-flagged': labsModelsFlaggedAssertion,
  'response-shape-conformance': responseShapeConformanceAssertion,
  'mcp-initialize': mcpInitializeAssertion,
  'mcp-tools-listed': mcpToolsListedAssertion,
  'mcp-input-schemas-valid': mcpInputSchemasValidAssertion,
  'mcp-descriptions-present': mcpDescriptionsPresentAssertion,
  'mcp-structured-tool-errors': mcpStructuredToolErrorsAssertion,
  'mcp-unknown-method-error': mcpUnknownMethodErrorAssertion,
  'openai-sdk-ok': openAiSdkOkAssertion,
  'openai-sdk-authenticated': openAiSdkAuthenticatedAssertion,
  'openai-sdk-error-class': openAiSdkErrorClassAssertion,
  'openai-sdk-error-message-surfaced': openAiSdkErrorMessageSurfacedAssertion,
  'regional-endpoint-answers': regionalEndpointAnswersAssertion,
};

/** Kinds whose traffic is ordinary use: the runner adds an `availability` check to their results. */
export const NORMAL_TRAFFIC_KINDS = new Set<string>([
  'chat-stream',
  'json-mode',
  'tool-call',
  'agent-loop',
  'models',
] satisfies KindName[]);

/** What the suite loader checks suites against: names, and the parameter schema of each. */
export function registryNames(): Required<SuiteRegistry> {
  return {
    probeKinds: [...PROBE_KIND_NAMES].sort(),
    assertions: [...ASSERTION_NAMES].sort(),
    kindParameters: Object.fromEntries(PROBE_KIND_NAMES.map((name) => [name, PROBE_KINDS[name].parameters])),
    assertionParameters: Object.fromEntries(
      ASSERTION_NAMES.map((name) => [name, ASSERTIONS[name].parameters ?? NO_PARAMETERS]),
    ),
    assertionReads: Object.fromEntries(
      ASSERTION_NAMES.flatMap((name) => {
        const reads = ASSERTIONS[name].reads;
        return reads ? [[name, reads]] : [];
      }),
    ),
    impliedChecks: [
      { id: 'availability', component: 'reliability.uptimeSla' },
      // Carried over from stored runs by monitor (history-evidence.json), never emitted by a probe.
      { id: 'availability-history', component: 'reliability.uptimeSla' },
    ],
  };
}
