/** @module How a failed check reads to an agent developer: a title and a what-to-do sentence per check id. */

/** What is known about one failing check across the run. */
export interface FailedCheckSummary {
  id: string;
  failed: number;
  evaluated: number;
  /** First distinct failure details from the probes (already scrubbed). */
  details: string[];
  /** Tool-call totals over the failing results, when they measured tool calls. */
  toolCalls: { calls: number; repeatedCalls: number; conversations: number; hitGuard: number } | null;
  /** JSON-mode totals over the failing results, when they measured JSON mode. */
  jsonMode: { accepted: number; invalid: number } | null;
}

export interface GotchaText {
  title: string;
  advice: string;
}

/** "40 %" style, for rates shown to people. */
export function formatPercent(numerator: number, denominator: number): string {
  return denominator === 0 ? '0 %' : `${Math.round((numerator / denominator) * 100)} %`;
}

const WORDING: Readonly<Record<string, GotchaText>> = {
  'error-4xx-not-5xx': {
    title: 'Client mistakes come back as server errors',
    advice: 'do not retry 5xx blindly; validate requests before sending them',
  },
  'error-json-content-type': {
    title: 'Some errors are not JSON',
    advice: 'parse error bodies defensively and fall back to the status code',
  },
  'error-names-field': {
    title: 'Validation errors do not say which field is wrong',
    advice: 'validate arguments against the schema client-side so the agent can fix its own request',
  },
  'error-request-id': {
    title: 'Errors carry no request id',
    advice: 'log your own correlation id with every call',
  },
  'ratelimit-headers-present': {
    title: 'No rate-limit headers',
    advice: 'budget requests client-side; the API will not tell you how close you are to the limit',
  },
  'ratelimit-429-status': {
    title: 'Throttling is not signalled with 429',
    advice: 'treat the observed status as throttling and back off exponentially',
  },
  'ratelimit-retry-after': {
    title: '429 responses carry no Retry-After',
    advice: 'back off exponentially with jitter instead of waiting a told delay',
  },
  'unauthenticated-rejected': {
    title: 'The API answers without a key',
    advice: 'do not rely on the key to protect anything behind it',
  },
  'wrong-key-rejected': {
    title: 'The API accepts a wrong key',
    advice: 'do not rely on the key to protect anything behind it',
  },
  'query-key-rejected': {
    title: 'A key in the query string is accepted',
    advice: 'always send the key in the Authorization header; query strings end up in logs',
  },
  'key-not-echoed': {
    title: 'The API key comes back in responses',
    advice: 'never log raw responses or show them to users or models',
  },
  'canary-key-not-echoed': {
    title: 'Keys sent in bad requests are echoed in errors',
    advice: 'scrub error bodies before logging them or feeding them back to a model',
  },
  'cors-no-credential-reflection': {
    title: 'Any browser origin may call the API with credentials',
    advice: 'never call the API from a browser with a real key',
  },
  'pii-not-echoed': {
    title: 'Personal data in a bad request is echoed in the error',
    advice: 'scrub error bodies before logging them; they may hold the personal data you sent',
  },
  'file-erased': {
    title: 'Deleted files are still served',
    advice: 'do not upload personal data you need to be able to erase',
  },
  'requested-model-served': {
    title: 'A different model answers than the one requested',
    advice: 'check the `model` field of every response and pin dated model ids',
  },
  'unknown-model-rejected': {
    title: 'Unknown model ids are silently served',
    advice: 'validate model ids against GET /v1/models before use',
  },
  availability: {
    title: 'Requests fail with 5xx or network errors',
    advice: 'retry idempotent calls with backoff and keep a fallback provider',
  },
  'no-5xx-under-normal-load': {
    title: 'Server errors at a polite request rate',
    advice: 'retry with backoff and cap retries per task',
  },
  'shape-fingerprint-stable': {
    title: 'The response shape changes between requests',
    advice: 'parse responses leniently and validate only the fields you use',
  },
  'labs-models-flagged': {
    title: 'Some listed models may train on your inputs',
    advice: 'never send personal data to labs-* or other training-eligible models',
  },
  'bearer-header-works': {
    title: 'The standard bearer header does not authenticate',
    advice: 'check the provider documentation for the expected auth header',
  },
};

/** Title and advice for a failed check: the registry first, then what the measurements show. */
export function wordGotcha(summary: FailedCheckSummary): GotchaText {
  const registered = WORDING[summary.id];
  if (registered !== undefined) return registered;
  const toolCalls = summary.toolCalls;
  if (toolCalls !== null && toolCalls.repeatedCalls > 0) {
    return {
      title: 'Tool calls repeat in agent loops',
      advice: `${formatPercent(toolCalls.repeatedCalls, toolCalls.calls)} of calls repeated an earlier call; add a max-iterations guard and de-duplicate identical calls`,
    };
  }
  if (toolCalls !== null && toolCalls.hitGuard > 0) {
    return {
      title: 'Agent loops do not terminate on their own',
      advice: `${toolCalls.hitGuard} of ${toolCalls.conversations} conversations hit the max-iterations guard; keep one in production`,
    };
  }
  const jsonMode = summary.jsonMode;
  if (jsonMode !== null && jsonMode.invalid > 0) {
    return {
      title: 'JSON mode returns content that does not parse',
      advice: `${formatPercent(jsonMode.invalid, jsonMode.accepted)} of accepted JSON-mode answers were not valid JSON; parse defensively and retry`,
    };
  }
  return { title: `Check \`${summary.id}\` failed`, advice: 'see the probe evidence' };
}
