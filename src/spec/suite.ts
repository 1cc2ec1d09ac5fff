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

/** One expectation: an assertion from the typed registry plus its parameters. */
export interface Expectation {
  assert: string;
  /** Check id in the rubric; defaults to the assertion name. */
  check?: string;
  /** Component fed by this check; defaults to the probe's `feeds`. null = informational. */
  feeds?: ComponentPath | null;
  [parameter: string]: unknown;
}

export interface ProbeSpec {
  id: string;
  kind: string;
  title?: string;
  request?: RequestTemplate;
  repeat?: number;
  /** Probe-kind parameters (e.g. tools, schema, max iterations). */
  with?: Record<string, unknown>;
  expect?: Expectation[];
  feeds?: ComponentPath | null;
  /** Retries the runner may make after a non-throttle failure (network errors only). */
  retries?: number;
  /** Needs a capability the target may lack; skipped with reason `not-supported` when absent. */
  requires?: Array<'streaming' | 'files' | 'embeddings' | 'tools' | 'json-schema' | 'https' | 'mcp' | 'sdk'>;
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
