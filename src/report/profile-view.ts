/** @module Descriptive sections (Best When, Interface, ...) from a target profile, and known gotchas. */
import type { Gotcha } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { safeHref } from './anchors.ts';
import type { EvidenceLinker } from './evidence-linker.ts';
import { formatDate, NULL_DISPLAY, yesNo } from './format.ts';
import type { GotchaRow, ProfileView } from './report-rows.ts';

export const NO_PROFILE_MESSAGE = 'No target profile: only measured components are scored.';

const INTERFACE_LABELS: [keyof TargetProfile['sections']['interface'], string][] = [
  ['restApi', 'REST API'],
  ['graphql', 'GraphQL'],
  ['grpc', 'gRPC'],
  ['mcpServer', 'MCP Server'],
  ['sdk', 'SDK'],
  ['webhooks', 'Webhooks'],
];

export function profileView(profile: TargetProfile): ProfileView {
  const { sections } = profile;
  return {
    bestWhen: sections.bestWhen,
    avoidWhen: sections.avoidWhen,
    useCases: sections.useCases,
    notFor: sections.notFor,
    interface: INTERFACE_LABELS.map(([key, label]) => ({ label, value: yesNo(sections.interface[key]) })),
    authentication: {
      methods: sections.authentication.methods.join(', ') || NULL_DISPLAY,
      oauth: yesNo(sections.authentication.oauth),
      scopes: yesNo(sections.authentication.scopes),
      notes: sections.authentication.notes,
    },
    pricing: {
      model: sections.pricing.model || NULL_DISPLAY,
      freeTier: yesNo(sections.pricing.freeTier),
      requiresCreditCard: yesNo(sections.pricing.requiresCreditCard),
      notes: sections.pricing.notes,
    },
    agentMetadata: [
      { label: 'Pagination', value: sections.agentMetadata.pagination || NULL_DISPLAY },
      { label: 'Idempotent', value: yesNo(sections.agentMetadata.idempotent) },
      { label: 'Retry Guidance', value: sections.agentMetadata.retryGuidance || NULL_DISPLAY },
    ],
    sources: profile.sources.map((source) => ({
      title: source.title || source.url,
      url: source.url,
      href: safeHref(source.url),
      retrieved: formatDate(source.retrieved),
    })),
  };
}

/**
 * Scorecard gotchas first (measured and attested), then profile gotchas the scorer did not
 * already carry (matched by title), each with links to the evidence of its probes.
 */
export function gotchaRows(
  gotchas: Gotcha[],
  profile: TargetProfile | null,
  linker: EvidenceLinker,
): GotchaRow[] {
  const seen = new Set(gotchas.map((gotcha) => gotcha.title.trim().toLowerCase()));
  const fromProfile = (profile?.gotchas ?? [])
    .filter((gotcha) => !seen.has(gotcha.title.trim().toLowerCase()))
    .map((gotcha) => ({ ...gotcha, source: 'attested' as const }));
  return [...gotchas, ...fromProfile].map((gotcha) => {
    const sourceUrl = 'sourceUrl' in gotcha && typeof gotcha.sourceUrl === 'string' ? gotcha.sourceUrl : '';
    return {
      title: gotcha.title,
      detail: gotcha.detail,
      source: gotcha.source,
      links: gotcha.probeIds.map((probeId) => linker.linkProbeId(probeId)),
      sourceUrl,
      sourceHref: safeHref(sourceUrl),
    };
  });
}
