/** @module A provider preset: how to reach one provider's API, from its own documentation. */
import type { AuthScheme, Capabilities, ProviderKind } from './target.ts';

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
