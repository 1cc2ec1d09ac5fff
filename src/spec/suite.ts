/** @module Suite files (YAML in suites/): what to probe, how to judge it, which components it feeds. */
import type { ComponentPath } from './scorecard.ts';

/** How a request authenticates. The key is substituted by the provider and never written anywhere. */
export type AuthMode =
  | { mode: 'bearer' }
  | { mode: 'none' }
  /** A syntactically valid bearer with a random wrong key. */
  | { mode: 'wrong-key' }
  /** Any header; `{{key}}` in value is the real key, `{{key_base64}}` its base64 as in Basic auth. */
  | { mode: 'header'; name: string; value: string }
  /** The key as a query parameter. */
  | { mode: 'query'; param: string };

/** A request template; strings may hold handlebars placeholders such as `{{model}}`. */
export interface RequestTemplate {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';
  path: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  auth?: AuthMode;
  /** JSON body (templated recursively). */
  body?: unknown;
  /** Raw body text sent as-is (e.g. malformed JSON), instead of `body`. */
  rawBody?: string;
  stream?: boolean;
}

/** Every probe kind the harness runs; the registry in probes/ must map each to a handler (tsc checks). */
export const PROBE_KIND_NAMES = [
  'http',
  'auth-timing',
  'chat-stream',
  'json-mode',
  'tool-call',
  'agent-loop',
  'tls',
  'burst',
  'sdk',
  'erasure',
  'models',
  'mcp',
  'openai-sdk',
  'regional-endpoints',
] as const;
export type KindName = (typeof PROBE_KIND_NAMES)[number];

/** Every assertion a suite may name; the registry in probes/ must map each to a handler (tsc checks). */
export const ASSERTION_NAMES = [
  'status',
  'not-5xx',
  'json-content-type',
  'json-body',
  'envelope',
  'envelope-stable',
  'names-field',
  'request-id',
  'header-present',
  'error-status-documented',
  'no-key-echo',
  'no-canary-echo',
  'no-cookies',
  'no-cors-credential-reflection',
  'availability',
  'json-accepted',
  'json-valid',
  'schema-valid',
  'tool-called',
  'no-tool-call',
  'tool-args-valid',
  'tool-id-format',
  'parallel-calls',
  'no-repeated-calls',
  'loop-terminates',
  'stream-complete',
  'ttft-recorded',
  'auth-timing-recorded',
  'tls-min-version',
  'tls-cert-valid',
  'hsts',
  'http-refused',
  'ratelimit-headers-present',
  'ratelimit-429-status',
  'ratelimit-retry-after',
  'ratelimit-json-body',
  'ratelimit-remaining-honest',
  'retry-after-recovers',
  'sdk-call-ok',
  'sdk-typed-error',
  'sdk-dependency-count',
  'sdk-install-scripts',
  'sdk-licences-known',
  'sdk-timeout-typed',
  'sdk-not-deprecated',
  'erased',
  'model-served',
  'deprecation-info',
  'labs-models-flagged',
  'response-shape-conformance',
  'mcp-initialize',
  'mcp-tools-listed',
  'mcp-input-schemas-valid',
  'mcp-descriptions-present',
  'mcp-structured-tool-errors',
  'mcp-unknown-method-error',
  'openai-sdk-ok',
  'openai-sdk-authenticated',
  'openai-sdk-error-class',
  'openai-sdk-error-message-surfaced',
  'regional-endpoint-answers',
] as const;
export type AssertionName = (typeof ASSERTION_NAMES)[number];

/** Capabilities a probe may require; each is checked before the probe runs (run/execute-probe). */
export type Requirement =
  | 'https'
  | 'mcp'
  | 'sdk'
  | 'streaming'
  | 'tools'
  | 'json-object'
  | 'json-schema'
  | 'files'
  | 'embeddings';
export const REQUIREMENTS: readonly Requirement[] = [
  'https',
  'mcp',
  'sdk',
  'streaming',
  'tools',
  'json-object',
  'json-schema',
  'files',
  'embeddings',
];

/** One expectation: an assertion from the typed registry plus its parameters. */
export interface Expectation {
  assert: AssertionName;
  /** Check id in the rubric; defaults to the assertion name. */
  check?: string;
  /** Component fed by this check; defaults to the probe's `feeds`. null = informational. */
  feeds?: ComponentPath | null;
  [parameter: string]: unknown;
}

export interface ProbeSpec {
  id: string;
  kind: KindName;
  title?: string;
  request?: RequestTemplate;
  repeat?: number;
  /** Probe-kind parameters (e.g. tools, schema, max iterations). */
  with?: Record<string, unknown>;
  expect?: Expectation[];
  feeds?: ComponentPath | null;
  /** Retries the runner may make after a non-throttle failure (network errors only). */
  retries?: number;
  /**
   * Needs a capability the target may lack; skipped (`not-supported`/`not-applicable`) when absent.
   * Only values the runner checks are accepted: a capability a probe discovers by trying (files,
   * streaming, tools, json-schema) is judged by its own checks instead.
   */
  requires?: Requirement[];
  /** Costly or destructive on a live target: runs on loopback, elsewhere only when budgets allow. */
  optIn?: 'destructive' | 'burst';
}

export interface SuiteSpec {
  id: string;
  title: string;
  description: string;
  probes: ProbeSpec[];
  /** File the suite came from (filled in by the loader). */
  file?: string;
}
