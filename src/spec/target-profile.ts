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
  sources: { url: string; title: string; retrieved: string }[];
}
