/** @module Board entries for tests: the report fixtures' scorecards under other names, with or without cost. */
import { fullScorecard, nullScorecard } from '../../report/__fixtures__/scorecards.ts';
import type { Scorecard } from '../../spec/scorecard.ts';
import type { TargetProfile } from '../../spec/target-profile.ts';
import type { BoardEntry } from '../board-document.ts';

/** The seed scorecard renamed, its Agent Friendliness set, started at `startedAt`. */
export function namedScorecard(name: string, agentFriendliness: number | null, startedAt: string): Scorecard {
  const card = structuredClone(fullScorecard());
  card.target = { ...card.target, name, model: `${name}-model` };
  card.scores.agentFriendliness.score = agentFriendliness;
  card.startedAt = startedAt;
  return card;
}

export function withCost(card: Scorecard, costPer1k: number, currency = 'EUR'): Scorecard {
  return {
    ...card,
    cost: {
      model: card.target.model,
      price: {
        currency,
        inputPerMillion: 2,
        outputPerMillion: 6,
        batchDiscount: null,
        asOf: '2026-09-01',
        source: 'https://example.org/pricing',
      },
      tokens: { input: 1000, output: 500, exchangesWithUsage: 10, unmetered: 0 },
      runCost: 0.005,
      agentTask: { samples: 4, meanInputTokens: 800, meanOutputTokens: 120, costPer1k },
    },
  };
}

export function profileWithClaim(name: string, reverifyBy: string): TargetProfile {
  return {
    schemaVersion: 1,
    name,
    title: name,
    description: '',
    homepage: '',
    tags: [],
    claims: [
      {
        id: 'D-DPA',
        component: 'dataProtection.processorTerms',
        criterion: 'a DPA is offered',
        quote: 'paraphrase',
        sourceUrl: 'https://example.org/dpa',
        effectiveDate: null,
        retrievedDate: '2026-01-01',
        status: 'pass',
        confidence: 'docs',
        reverifyBy,
      },
    ],
    sections: {
      bestWhen: '',
      avoidWhen: '',
      useCases: [],
      notFor: [],
      interface: { restApi: true, graphql: false, grpc: false, mcpServer: false, sdk: true, webhooks: false },
      authentication: { methods: [], oauth: false, scopes: false, notes: '' },
      pricing: { model: '', freeTier: false, requiresCreditCard: false, notes: '' },
      agentMetadata: { pagination: '', idempotent: false, retryGuidance: '' },
    },
    gotchas: [],
    sources: [],
  };
}

/** Three targets: a priced recent one, an old one with a stale fact, and one that judged nothing. */
export function threeEntries(): BoardEntry[] {
  return [
    {
      scorecard: withCost(namedScorecard('alpha', 70, '2026-11-20T10:00:00.000Z'), 0.42),
      runDir: '/runs/alpha',
      profile: profileWithClaim('alpha-profile', '2027-05-25'),
    },
    {
      scorecard: namedScorecard('beta', 80, '2026-09-01T10:00:00.000Z'),
      runDir: null,
      profile: profileWithClaim('beta-profile', '2026-11-01'),
    },
    { scorecard: { ...nullScorecard(), startedAt: '2026-11-25T00:00:00.000Z' }, runDir: null, profile: null },
  ];
}

/**
 * `count` targets with scores spread deterministically (no randomness, so a benchmark or a page test
 * sees the same board every time); every seventh judged nothing in security, every fifth is priced.
 */
export function syntheticEntries(count: number): BoardEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const spread = (offset: number) => (index * 37 + offset * 11) % 101;
    const card = namedScorecard(
      `target-${String(index).padStart(3, '0')}`,
      spread(0),
      `2026-${String((index % 11) + 1).padStart(2, '0')}-15T08:00:00.000Z`,
    );
    card.scores.security.score = index % 7 === 0 ? null : spread(1);
    card.scores.reliability.score = spread(2);
    card.scores.dataProtection.score = spread(3);
    card.metrics.jsonMode.validRate = spread(4) / 100;
    card.metrics.toolCalls.validArgumentsRate = spread(5) / 100;
    return {
      scorecard: index % 5 === 0 ? withCost(card, (index + 1) / 100) : card,
      runDir: null,
      profile: index % 3 === 0 ? profileWithClaim(`profile-${index}`, '2026-06-30') : null,
    };
  });
}
