/** @module Target profiles for report tests: the seed page's Mistral profile and a hostile one. */
import type { AttestedClaim, TargetProfile } from '../../spec/target-profile.ts';
import { HOSTILE } from './scorecards.ts';

function claim(
  partial: Partial<AttestedClaim> & Pick<AttestedClaim, 'id' | 'component' | 'criterion'>,
): AttestedClaim {
  return {
    quote: 'paraphrase: see source',
    sourceUrl: 'https://legal.mistral.ai/terms/data-processing-addendum',
    effectiveDate: '2026-07-27',
    retrievedDate: '2026-02-20',
    status: 'pass',
    confidence: 'primary-legal',
    reverifyBy: '2026-06-30',
    ...partial,
  };
}

export function mistralProfile(): TargetProfile {
  return {
    schemaVersion: 1,
    name: 'mistral',
    title: 'Mistral AI API',
    description:
      'European LLM API offering open-weight and proprietary models with strong function calling, JSON mode, and GDPR-compliant data processing.',
    homepage: 'https://mistral.ai',
    tags: ['mistral', 'llm', 'european', 'open-weight', 'function-calling', 'json-mode'],
    claims: [
      claim({
        id: 'D-DPA',
        component: 'dataProtection.processorTerms',
        criterion: 'DPA covers Art. 28(3)(a)-(h)',
      }),
      claim({
        id: 'D-LOCATION',
        component: 'dataProtection.dataResidency',
        criterion: 'Processing location per endpoint',
        status: 'partial',
        quote: 'api.mistral.ai does not commit to a specific inference location',
        sourceUrl: 'https://docs.mistral.ai/deployment/regional-endpoints',
        effectiveDate: null,
      }),
      claim({
        id: 'D-RETENTION',
        component: 'dataProtection.retentionAndDeletion',
        criterion: 'Retention per data class',
        reverifyBy: '2025-12-31',
      }),
      claim({
        id: 'D-TRAINING',
        component: 'dataProtection.trainingUse',
        criterion: 'API data not used for training',
      }),
      claim({
        id: 'doc-accuracy',
        component: 'agentFriendliness.documentation',
        criterion: 'Documentation matches observed behaviour',
        confidence: 'docs',
        sourceUrl: 'https://docs.mistral.ai',
      }),
    ],
    sections: {
      bestWhen:
        'You need EU-based LLM processing for GDPR compliance or want open-weight models for self-hosting alongside a managed API option.',
      avoidWhen:
        'You need cutting-edge reasoning, multimodal capabilities, or very large context windows beyond 128K tokens.',
      useCases: [
        'GDPR-compliant AI agents for European companies requiring EU data processing',
        "Function calling agents using Mistral's reliable JSON-mode tool use",
        'Code generation and code review using Codestral model',
      ],
      notFor: [
        'Applications requiring multimodal input (image/video/audio processing)',
        'Real-time conversational apps needing sub-200ms latency',
      ],
      interface: { restApi: true, graphql: false, grpc: false, mcpServer: false, sdk: true, webhooks: false },
      authentication: {
        methods: ['api_key'],
        oauth: false,
        scopes: false,
        notes: 'API key passed as Bearer token. OpenAI-compatible format: Authorization: Bearer <key>.',
      },
      pricing: {
        model: 'usage_based',
        freeTier: true,
        requiresCreditCard: true,
        notes: 'Batch API available at 50% discount. Enterprise contracts available with SLA.',
      },
      agentMetadata: { pagination: 'none', idempotent: false, retryGuidance: 'Documented' },
    },
    gotchas: [
      {
        title: 'Codestral has a separate endpoint',
        detail: 'codestral.mistral.ai needs its own API key.',
        probeIds: [],
        sourceUrl: 'https://docs.mistral.ai/capabilities/code_generation',
      },
    ],
    sources: [{ url: 'https://docs.mistral.ai', title: 'Mistral docs', retrieved: '2026-02-20' }],
  };
}

export function hostileProfile(): TargetProfile {
  const base = mistralProfile();
  return {
    ...base,
    title: `${HOSTILE.script} API`,
    description: `${HOSTILE.newline} ${HOSTILE.link}`,
    homepage: 'javascript:alert(1)',
    tags: [HOSTILE.image, HOSTILE.pipes],
    claims: [
      {
        ...base.claims[0]!,
        criterion: `${HOSTILE.pipes}\n${HOSTILE.script}`,
        quote: HOSTILE.backticks,
        sourceUrl: 'javascript:alert(document.cookie)',
      },
    ],
    sections: {
      ...base.sections,
      bestWhen: `${HOSTILE.script}\n\n# Heading`,
      avoidWhen: HOSTILE.image,
      useCases: [HOSTILE.link, HOSTILE.newline],
      notFor: [HOSTILE.backticks],
      authentication: { ...base.sections.authentication, methods: [HOSTILE.pipes], notes: HOSTILE.control },
      pricing: { ...base.sections.pricing, notes: '1. numbered\n> quote' },
    },
    gotchas: [
      {
        title: `${HOSTILE.image} gotcha`,
        detail: HOSTILE.newline,
        probeIds: ['evil/<script>'],
        sourceUrl: 'data:text/html,x',
      },
    ],
  };
}
