/** @module Target profile: attested evidence (claims no probe can see) and descriptive sections for reports. */
import type { ComponentPath } from './scorecard.ts';

export type ClaimStatus = 'pass' | 'partial' | 'fail' | 'unknown';
export type ClaimConfidence = 'primary-legal' | 'docs' | 'marketing' | 'third-party';

/** One attested fact, with provenance and a freshness window; its status decides a verdict, never a score. */
export interface AttestedClaim {
  /** Stable id, e.g. `D-DPA`, `doc-accuracy`, `sla`. */
  id: string;
  component: ComponentPath;
  criterion: string;
  /** Verbatim quote or a short paraphrase marked as such. */
  quote: string;
  sourceUrl: string;
  /** Date the document took effect (ISO date) or null when undated. */
  effectiveDate: string | null;
  retrievedDate: string;
  status: ClaimStatus;
  confidence: ClaimConfidence;
  /** After this date the claim is stale and counts as unknown. */
  reverifyBy: string;
}

export interface ProfileGotcha {
  title: string;
  detail: string;
  /** Probe ids whose evidence can confirm it; empty when purely attested. */
  probeIds: string[];
  sourceUrl?: string;
}

/**
 * A model's list price as an attested fact: read from a cited public source on a date, valid until
 * `reverifyBy` (after it the price is stale and no cost is computed from it).
 */
export interface ProfilePrice {
  /** The model id as sent in requests, e.g. `mistral-small-latest`. */
  model: string;
  /** ISO 4217 code, e.g. `EUR` or `USD`. */
  currency: string;
  inputPerMillion: number;
  outputPerMillion: number;
  /** Share taken off by the batch API (0.5 = 50 %), null when none is documented. */
  batchDiscount: number | null;
  /** When the price was read (YYYY-MM-DD). */
  asOf: string;
  source: string;
  reverifyBy: string;
  notes?: string;
}

export interface TargetProfile {
  schemaVersion: 1;
  name: string;
  title: string;
  description: string;
  homepage: string;
  tags: string[];
  claims: AttestedClaim[];
  sections: {
    bestWhen: string;
    avoidWhen: string;
    useCases: string[];
    notFor: string[];
    interface: Record<'restApi' | 'graphql' | 'grpc' | 'mcpServer' | 'sdk' | 'webhooks', boolean>;
    authentication: { methods: string[]; oauth: boolean; scopes: boolean; notes: string };
    pricing: { model: string; freeTier: boolean; requiresCreditCard: boolean; notes: string };
    agentMetadata: { pagination: string; idempotent: boolean; retryGuidance: string };
  };
  gotchas: ProfileGotcha[];
  /** List prices per model (optional: a profile without them yields token counts but no cost). */
  prices?: ProfilePrice[];
  sources: { url: string; title: string; retrieved: string }[];
}
