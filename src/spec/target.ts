/** @module A target: the API under evaluation, as named in config or flags. Keys never live here. */

export type ProviderKind = 'mistral' | 'openai-compatible';

export const PUBLISHED_SPECS = ['mistral', 'none'] as const;
export type PublishedSpecName = (typeof PUBLISHED_SPECS)[number];

/**
 * Which published spec a target is judged against. Only Mistral's is known here: holding an
 * OpenAI-compatible server to it would fail it for being OpenAI-compatible (no `capabilities` on
 * models, `call_…` tool ids, 400 rather than 422), so other targets are not judged on it unless
 * they say `spec: mistral`.
 */
export function publishedSpec(target: Pick<Target, 'provider' | 'baseUrl' | 'spec'>): 'mistral' | null {
  if (target.spec) return target.spec === 'none' ? null : target.spec;
  if (target.provider === 'mistral') return 'mistral';
  const host = URL.canParse(target.baseUrl) ? new URL(target.baseUrl).hostname : '';
  return host === 'mistral.ai' || host.endsWith('.mistral.ai') ? 'mistral' : null;
}

/** How the key travels: `Authorization: Bearer`, a named header, a query parameter, or not at all. */
export type AuthScheme =
  | { scheme: 'bearer'; optional?: boolean }
  | { scheme: 'header'; name: string; optional?: boolean }
  | { scheme: 'query'; param: string; optional?: boolean }
  | { scheme: 'none' };

/** What the API offers; a capability said to be absent is skipped as `not-supported`. */
export interface Capabilities {
  models: boolean;
  streaming: boolean;
  toolCalls: boolean;
  jsonObject: boolean;
  jsonSchema: boolean;
  files: boolean;
  embeddings: boolean;
}

export interface TargetBudgets {
  /** Stop planning new requests once this many were sent. */
  maxRequests?: number;
  /** Requests per second cap for this target. */
  requestsPerSecond?: number;
  /** Probes that cost money or delete things run only when true (always allowed on loopback). */
  allowDestructive?: boolean;
  allowBurst?: boolean;
}

export interface Target {
  name: string;
  provider: ProviderKind;
  baseUrl: string;
  model: string;
  /** Name of the environment variable that holds the key; the key itself stays in memory. */
  apiKeyEnv: string;
  /** Target profile (attested evidence) name or path, e.g. `mistral`. */
  profile?: string;
  /** Streamable-HTTP MCP endpoint, when the target declares one. */
  mcpUrl?: string;
  /**
   * The published API description the target is held to (response shapes, documented error
   * statuses, tool-call id format): `mistral` (Mistral's OpenAPI) or `none`. When absent it is
   * `mistral` for the mistral provider or an api.mistral.ai base URL, else `none` (see publishedSpec).
   */
  spec?: PublishedSpecName;
  budgets?: TargetBudgets;
  /** Provider preset the target was built from (presets/ID.yaml). */
  preset?: string;
  /** How the real key travels; bearer when absent. */
  auth?: AuthScheme;
  /**
   * Extra headers on every request (OpenRouter's HTTP-Referer). A value `{ env: NAME }` is read
   * from the environment at run time and scrubbed like the key.
   */
  headers?: Record<string, string | { env: string }>;
  /** Extra query parameters on every request (Azure's api-version). */
  query?: Record<string, string>;
  /** What the API offers; a capability said to be absent is skipped as not-supported. */
  capabilities?: Partial<Capabilities>;
  /** Regional base URLs the provider documents (data residency, gdpr-criteria P-REGION). */
  regionalEndpoints?: { region: string; baseUrl: string }[];
}
