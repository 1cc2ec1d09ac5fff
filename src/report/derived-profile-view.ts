/**
 * @module The seed page's descriptive sections for a target without a profile, derived from what this
 * run measured (labelled so): strengths become Best When and Use Cases, weaknesses Avoid When and Not
 * For, the auth and rate-limit probes fill Authentication and Agent Metadata, and what only a
 * provider's documents could say reads "not documented".
 */
import type { Scorecard } from '../spec/scorecard.ts';
import { NULL_DISPLAY } from './format.ts';
import type { ProfileView } from './report-rows.ts';

const NOT_DOCUMENTED = 'not documented (no target profile)';
export const DERIVED_LABEL = 'Derived from this run: no target profile describes this API.';

/** What a strong (≥ 85) or weak (< 60) component means to someone choosing an API for agents. */
const MEANING: Record<string, { strong: string; weak: string; useCase?: string; notFor?: string }> = {
  'agentFriendliness.toolUse': {
    strong: 'agents call tools in loops (forced calls honoured, arguments valid, no repeats)',
    weak: 'tool calls are ignored, malformed or repeated in agent loops',
    useCase: 'Tool-using agents',
    notFor: 'Unattended agent loops without a max-iterations guard',
  },
  'agentFriendliness.structuredOutput': {
    strong: 'you need JSON output that parses and follows a schema',
    weak: 'JSON mode returns prose, fences or schema-invalid JSON',
    useCase: 'Structured extraction (JSON mode and JSON schema)',
    notFor: 'Pipelines that parse model output without validating it',
  },
  'agentFriendliness.errorMessages': {
    strong: 'your agent recovers by reading error messages (status, field at fault, request id)',
    weak: 'errors do not say what to fix',
  },
  'agentFriendliness.rateLimits': {
    strong: 'you run bursts: 429s come with Retry-After and rate-limit headers',
    weak: '429s come without the guidance a client needs to back off',
    notFor: 'Bursty batch jobs without client-side rate limiting',
  },
  'reliability.latency': {
    strong: 'latency matters (first token and full answers within the published bands)',
    weak: 'first tokens or full answers are slow',
    useCase: 'Interactive, streaming chat',
    notFor: 'Latency-sensitive interactive UIs',
  },
  'reliability.uptimeSla': {
    strong: 'answers kept coming during the run',
    weak: 'requests failed or timed out during the run',
  },
  'security.authStrength': {
    strong: 'requests without a valid key are refused',
    weak: 'requests without a valid key are served',
    notFor: 'Any data you would not publish',
  },
  'security.secretHandling': {
    strong: 'keys never come back in responses and CORS is closed',
    weak: 'the key or credentials leak through responses or CORS',
    notFor: 'Calling the API from browsers',
  },
  'dataProtection.dataMinimisation': {
    strong: 'personal data sent in bad requests is not echoed back',
    weak: 'error responses echo submitted values',
    notFor: 'Logging raw error bodies when prompts carry personal data',
  },
  'dataProtection.retentionAndDeletion': {
    strong: 'deleted files are really gone',
    weak: 'deleted files stay retrievable',
    notFor: 'Uploading personal data in files',
  },
};

function componentScores(scorecard: Scorecard): [string, number][] {
  const scores: [string, number][] = [];
  for (const [category, value] of Object.entries(scorecard.scores))
    for (const [component, score] of Object.entries(value.components))
      if (typeof score?.score === 'number') scores.push([`${category}.${component}`, score.score]);
  return scores;
}

function orNone(items: string[], none: string): string[] {
  return items.length > 0 ? items : [none];
}

function sentence(parts: string[], none: string): string {
  return parts.length === 0 ? none : `${parts.join('; ')}.`;
}

export function derivedProfileView(
  scorecard: Scorecard,
  checkVerdicts: ReadonlyMap<string, 'pass' | 'fail'>,
): ProfileView {
  const checkVerdict = (id: string) => checkVerdicts.get(id) ?? null;
  const scores = componentScores(scorecard);
  const strong = scores.filter(([path, score]) => score >= 85 && MEANING[path]).map(([path]) => path);
  const weak = scores.filter(([path, score]) => score < 60 && MEANING[path]).map(([path]) => path);
  const bearer = checkVerdict('bearer-header-works');
  const retryAfter = checkVerdict('ratelimit-retry-after');
  const headers = checkVerdict('ratelimit-headers-present');
  const dropIn = scorecard.openAiDropIn;
  return {
    bestWhen: sentence(
      strong.map((path) => MEANING[path]?.strong ?? path),
      'No component measured strong enough to recommend it for (derived from this run).',
    ),
    avoidWhen: sentence(
      weak.map((path) => MEANING[path]?.weak ?? path),
      'No component measured weak (derived from this run).',
    ),
    useCases: orNone(
      strong.flatMap((path) => (MEANING[path]?.useCase ? [MEANING[path].useCase] : [])),
      'None derived: no use-case component measured strong in this run',
    ),
    notFor: orNone(
      weak.flatMap((path) => (MEANING[path]?.notFor ? [MEANING[path].notFor] : [])),
      'None derived: no component measured weak in this run',
    ),
    authentication: {
      methods:
        bearer === 'pass'
          ? 'API key (measured: the key authenticates)'
          : bearer === 'fail'
            ? 'API key (measured: the key did not authenticate)'
            : NULL_DISPLAY,
      oauth: NOT_DOCUMENTED,
      scopes: NOT_DOCUMENTED,
      notes: dropIn
        ? `OpenAI SDK drop-in (measured): ${dropIn.verdict}${dropIn.reasons.length ? ` (${dropIn.reasons.join('; ')})` : ''}.`
        : '',
    },
    pricing: {
      model: NOT_DOCUMENTED,
      freeTier: NOT_DOCUMENTED,
      requiresCreditCard: NOT_DOCUMENTED,
      notes: '',
    },
    agentMetadata: [
      { label: 'Pagination', value: NOT_DOCUMENTED },
      { label: 'Idempotent', value: NOT_DOCUMENTED },
      {
        label: 'Retry Guidance',
        value:
          retryAfter === 'pass'
            ? `Retry-After on 429 (measured)${headers === 'pass' ? ', rate-limit headers on answers' : ''}`
            : retryAfter === 'fail'
              ? '429 without Retry-After (measured): back off exponentially'
              : 'not measured in this run',
      },
    ],
    sources: [],
  };
}
