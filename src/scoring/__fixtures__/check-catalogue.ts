/** @module The check catalogue the suites emit (from the scoring brief), kept apart from the rubric so tests catch drift. */
import type { ComponentPath } from '../../spec/scorecard.ts';

/**
 * The check catalogue (from the scoring brief); the rubric must know every id. `checks` are emitted by
 * probes, `derived` are computed by the scorer from all results (rubric `derived: true`).
 */
export const CATALOGUE: Record<ComponentPath, { checks: string[]; attested: string[]; derived?: string[] }> =
  {
    'agentFriendliness.mcpQuality': {
      checks: [
        'mcp-initialize',
        'mcp-tools-listed',
        'mcp-input-schemas-valid',
        'mcp-descriptions-present',
        'mcp-structured-tool-errors',
        'mcp-unknown-method-error',
      ],
      attested: [],
    },
    'agentFriendliness.documentation': {
      checks: [
        'spec-conformance',
        'error-status-documented',
        'openai-sdk-chat',
        'openai-sdk-stream-text',
        'openai-sdk-stream-tool-call',
        'openai-sdk-tool-round-trip',
        'openai-sdk-json-object',
        'openai-sdk-json-schema',
        'openai-sdk-models',
      ],
      attested: ['doc-quality'],
    },
    'agentFriendliness.errorMessages': {
      checks: [
        'error-4xx-not-5xx',
        'error-json-content-type',
        'error-names-field',
        'error-structured-envelope',
        'error-request-id',
        'error-envelope-stable',
        'openai-sdk-error-class',
        'openai-sdk-error-message-surfaced',
      ],
      attested: [],
    },
    'agentFriendliness.authSimplicity': {
      checks: ['bearer-header-works', 'sdk-auth-works', 'auth-error-actionable', 'openai-sdk-key-works'],
      attested: ['single-credential'],
    },
    'agentFriendliness.rateLimits': {
      checks: [
        'ratelimit-headers-present',
        'ratelimit-429-status',
        'ratelimit-retry-after',
        'ratelimit-json-body',
        'ratelimit-remaining-honest',
      ],
      attested: ['rate-limits-documented'],
    },
    'agentFriendliness.toolUse': {
      checks: [
        'tool-choice-honoured',
        'tool-args-valid',
        'no-repeated-calls',
        'loop-terminates',
        'no-tool-call',
      ],
      attested: [],
      derived: ['tool-turns-answered'],
    },
    'agentFriendliness.structuredOutput': {
      checks: ['json-accepted', 'json-mode-honoured', 'schema-valid'],
      attested: [],
      derived: ['json-answers-complete'],
    },
    'security.tlsEnforcement': {
      checks: ['tls-min-version', 'tls-cert-valid', 'hsts', 'http-refused'],
      attested: [],
    },
    'security.authStrength': {
      checks: [
        'unauthenticated-rejected',
        'wrong-key-rejected',
        'malformed-scheme-rejected',
        'query-key-rejected',
        'auth-401-not-403',
        'auth-error-consistent',
      ],
      attested: [],
    },
    'security.scopeGranularity': { checks: [], attested: ['key-scopes', 'per-key-limits'] },
    'security.dependencyHygiene': {
      checks: ['sdk-dependency-count', 'sdk-install-scripts', 'sdk-licences-known'],
      attested: ['sdk-maintenance'],
    },
    'security.secretHandling': {
      checks: ['key-not-echoed', 'cors-no-credential-reflection', 'canary-key-not-echoed'],
      attested: [],
    },
    'reliability.uptimeSla': { checks: ['availability', 'availability-history'], attested: ['sla'] },
    'reliability.versionStability': {
      checks: ['requested-model-served', 'unknown-model-rejected', 'deprecation-info'],
      attested: [],
    },
    'reliability.breakingChanges': {
      checks: ['response-shape-conformance'],
      attested: ['changelog'],
      derived: ['shape-fingerprint-stable'],
    },
    'reliability.errorRecovery': {
      checks: ['retry-after-recovers', 'sdk-typed-errors', 'request-id-on-errors', 'stream-complete'],
      attested: [],
      derived: ['no-5xx-under-normal-load'],
    },
    'reliability.latency': { checks: [], attested: [], derived: ['latency-ttft', 'latency-e2e'] },
    'dataProtection.dataResidency': {
      checks: ['eu-endpoint-answers'],
      attested: ['D-LOCATION', 'D-TRANSFER'],
    },
    'dataProtection.retentionAndDeletion': { checks: ['file-erased'], attested: ['D-RETENTION'] },
    'dataProtection.dataMinimisation': { checks: ['pii-not-echoed', 'no-cookies'], attested: [] },
    'dataProtection.processorTerms': {
      checks: [],
      attested: ['D-DPA', 'D-SUBPROC', 'D-BREACH', 'D-AUDIT', 'D-DPO', 'D-DSR', 'D-EXIT', 'D-ROLES'],
    },
    'dataProtection.trainingUse': { checks: ['labs-models-flagged'], attested: ['D-TRAINING'] },
  };
