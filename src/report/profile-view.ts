/** @module Descriptive sections (Best When, Interface, ...) from a target profile. */
import type { TargetProfile } from '../spec/target-profile.ts';
import { safeHref } from './anchors.ts';
import { formatDate, NULL_DISPLAY, yesNo } from './format.ts';
import type { ProfileView } from './report-rows.ts';

export const NO_PROFILE_MESSAGE = 'No target profile: only measured components are scored.';

export function profileView(profile: TargetProfile): ProfileView {
  const { sections } = profile;
  return {
    bestWhen: sections.bestWhen,
    avoidWhen: sections.avoidWhen,
    useCases: sections.useCases,
    notFor: sections.notFor,
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
