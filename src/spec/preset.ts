/** @module A provider preset: how to reach one provider's API, from its own documentation. */
import type { ProviderKind } from './target.ts';

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

/** Which rate-limit header family the provider documents. */
export type RateLimitConvention = 'mistral' | 'openai' | 'ietf' | 'none';

export interface ProviderPreset {
  schemaVersion: 1;
  id: string;
  title: string;
  provider: ProviderKind;
  /**
   * As the OpenAI SDK takes it (`.../v1`). `{VAR}` parts are filled from the environment
   * (Azure's resource endpoint and deployment).
   */
  baseUrl: string;
  auth: AuthScheme;
  /** The variable the provider's docs use for the key; absent when the API takes none. */
  apiKeyEnv?: string;
  /** Default model; absent where the user must name one (self-hosted servers). */
  model?: string;
  /** Query parameters every request carries (Azure's `api-version`). */
  query?: Record<string, string>;
  /** Target profile with attested facts, when one exists. */
  profile?: string;
  offers: Capabilities;
  rateLimitHeaders: RateLimitConvention;
  /** Regional endpoints the provider documents (data residency, gdpr-criteria P-REGION). */
  regionalEndpoints?: { region: string; baseUrl: string }[];
  /** The provider's own pages every connection fact comes from. */
  sources: { url: string; title: string; retrieved: string }[];
}
