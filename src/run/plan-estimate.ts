/**
 * @module What a run will send before it sends anything: per probe the requests (expected and at most)
 * and the tokens, from the suites themselves (repeats, `times`, samples, burst sizes, prompt sizes,
 * `max_tokens`), plus the preflight; priced with the profile's list price.
 */
import { costOf, priceFor } from '../scoring/run-cost.ts';
import type { AttestedPrice } from '../spec/scorecard.ts';
import type { KindName, ProbeSpec, SuiteSpec } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import type { ProfilePrice } from '../spec/target-profile.ts';
import { isLoopbackUrl } from './is-loopback.ts';
import { type PlannedProbe, planProbes, type Shard, shardPlan } from './plan-probes.ts';
import { PREFLIGHT_MAX_REQUESTS } from './preflight.ts';
import { unmetRequirement } from './unmet-requirement.ts';

export const PLAN_SCHEMA_VERSION = 1;

/** The rule of thumb behind every input estimate: about four characters of English or JSON per token. */
export const CHARS_PER_TOKEN = 4;
/** Output assumed for a chat request that sets no `max_tokens`. */
export const DEFAULT_OUTPUT_TOKENS = 256;

export const TOKEN_METHOD =
  `input: characters of each chat request's prompt material (messages, tools, schema, filler) / ${CHARS_PER_TOKEN}; ` +
  `output: each chat request's max_tokens (${DEFAULT_OUTPUT_TOKENS} when unset), so both are upper bounds for a request that is answered; ` +
  'requests that bill no tokens (models, files, auth errors on purpose) count 0.';

/** One repetition of a probe: what it sends. `requests` is the usual count, `maxRequests` the bound. */
export interface RequestEstimate {
  requests: number;
  maxRequests: number;
  inputTokens: number;
  outputTokens: number;
}

export interface ProbeEstimate extends RequestEstimate {
  suite: string;
  probe: string;
  kind: string;
  /** Repetitions of this probe in the plan (after the suite filter and the shard). */
  repetitions: number;
  /** Why the probe sends nothing on this target (requirement or opt-in), else null. */
  skipped: string | null;
}

export interface SuiteEstimate extends RequestEstimate {
  id: string;
  probes: number;
  repetitions: number;
}

export interface PlanEstimate {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  target: { name: string; provider: string; baseUrl: string; model: string };
  shard: string | null;
  preflight: { requests: number; maxRequests: number };
  suites: SuiteEstimate[];
  probes: ProbeEstimate[];
  totals: RequestEstimate & { repetitions: number; tokens: number };
  /** The run's request budget (flag, config or the target's own), null when unbounded. */
  budgetRequests: number | null;
  cost: { price: AttestedPrice; amount: number; currency: string } | null;
  method: string;
}

const NONE: RequestEstimate = { requests: 0, maxRequests: 0, inputTokens: 0, outputTokens: 0 };

function tokensOfText(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isChatPath(path: string | undefined): boolean {
  return (
    typeof path === 'string' && /\/(chat|fim|agents)\/completions$|\/completions$|\/embeddings$/.test(path)
  );
}

/** Chat requests of a fixed count whose prompt material is `chars` long and whose answer is at most `maxTokens`. */
function chat(count: number, chars: number, maxTokens: number, maxCount = count): RequestEstimate {
  return {
    requests: count,
    maxRequests: maxCount,
    inputTokens: count * tokensOfText(chars),
    outputTokens: count * maxTokens,
  };
}

function plain(count: number, maxCount = count): RequestEstimate {
  return { ...NONE, requests: count, maxRequests: maxCount };
}

/** Prompt material of a kind that builds its request from `with`: the prompt, tools, schema (and filler). */
function withChars(probe: ProbeSpec): number {
  const { fillerChars, ...rest } = probe.with ?? {};
  return JSON.stringify(rest).length + numberOr(fillerChars, 0);
}

/** A templated request (`http`, `auth-timing`): its body's size, its max_tokens, whether it is a chat call. */
function templateRequest(probe: ProbeSpec): { chat: boolean; chars: number; maxTokens: number } {
  const body = probe.request?.body;
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const chars =
    (body === undefined ? 0 : JSON.stringify(record.messages ?? body).length) +
    (record.tools === undefined ? 0 : JSON.stringify(record.tools).length) +
    numberOr(probe.with?.fillerChars, 0);
  return {
    chat: isChatPath(probe.request?.path),
    chars,
    maxTokens: numberOr(record.max_tokens, DEFAULT_OUTPUT_TOKENS),
  };
}

type Estimator = (probe: ProbeSpec, target: Target) => RequestEstimate;

/** OpenAI SDK scenarios: requests each makes and the max_tokens it sets (openai-sdk-scenarios.ts). */
const OPENAI_SDK_SCENARIOS: Record<string, { requests: number; maxTokens: number }> = {
  chat: { requests: 1, maxTokens: 5 },
  'error-auth': { requests: 1, maxTokens: 0 },
  'stream-text': { requests: 1, maxTokens: 40 },
  'stream-tool-call': { requests: 1, maxTokens: 200 },
  'tool-round-trip': { requests: 2, maxTokens: 200 },
  'json-object': { requests: 1, maxTokens: 200 },
  'json-schema': { requests: 1, maxTokens: 200 },
  models: { requests: 1, maxTokens: 0 },
  'error-not-found': { requests: 1, maxTokens: 0 },
  'error-bad-request': { requests: 1, maxTokens: 0 },
};
/** The SDK prompt ("Reply with the single word OK.", a tool or schema): a small fixed size. */
const SDK_PROMPT_CHARS = 400;

/**
 * One estimator per probe kind (the compiler fails when a kind lacks one). Counts follow each kind's
 * code: `http` sends `times` requests, `auth-timing` a right and a wrong key per sample, an agent loop
 * usually two turns (the call, then the answer) and at most `maxIterations`, a burst until the first
 * 429 and at most `maxRequests` (counted at its bound: the limit decides where it stops).
 */
const ESTIMATORS: Record<KindName, Estimator> = {
  http(probe) {
    const times = numberOr(probe.with?.times, 1);
    const request = templateRequest(probe);
    return request.chat ? chat(times, request.chars, request.maxTokens) : plain(times);
  },
  'auth-timing'(probe) {
    const samples = numberOr(probe.with?.samples, 5);
    const request = templateRequest(probe);
    // Only the right-key half can be billed; the wrong-key half is refused.
    const billed = request.chat ? chat(samples, request.chars, request.maxTokens) : plain(samples);
    return { ...billed, requests: 2 * samples, maxRequests: 2 * samples };
  },
  'chat-stream': (probe) => chat(1, withChars(probe), numberOr(probe.with?.maxTokens, 64)),
  'json-mode': (probe) => chat(1, withChars(probe), numberOr(probe.with?.maxTokens, 400)),
  'tool-call': (probe) => chat(1, withChars(probe), numberOr(probe.with?.maxTokens, 300)),
  'agent-loop'(probe) {
    const maxTokens = numberOr(probe.with?.maxTokens, 300);
    const turns = chat(2, withChars(probe), maxTokens, numberOr(probe.with?.maxIterations, 5));
    // The second turn carries the first answer and the tool result back.
    return { ...turns, inputTokens: turns.inputTokens + maxTokens };
  },
  tls: () => plain(2),
  burst(probe) {
    const bound = numberOr(probe.with?.maxRequests, 300);
    const request = isChatPath(typeof probe.with?.path === 'string' ? probe.with.path : undefined);
    return request ? chat(bound, SDK_PROMPT_CHARS, DEFAULT_OUTPUT_TOKENS) : plain(bound);
  },
  sdk(probe) {
    const scenario = probe.with?.scenario;
    if (scenario === 'dependencies') return NONE;
    return scenario === 'auth-works' ? chat(1, SDK_PROMPT_CHARS, 5) : plain(1);
  },
  erasure: () => plain(7),
  models: () => plain(1),
  mcp: () => plain(6),
  'openai-sdk'(probe) {
    const scenario = String(probe.with?.scenario ?? '');
    if (scenario === 'error-rate-limit') {
      const bound = numberOr(probe.with?.maxRequests, 250);
      return chat(bound, SDK_PROMPT_CHARS, 200);
    }
    const known = OPENAI_SDK_SCENARIOS[scenario] ?? { requests: 1, maxTokens: 0 };
    return known.maxTokens > 0
      ? chat(known.requests, SDK_PROMPT_CHARS, known.maxTokens)
      : plain(known.requests);
  },
  'regional-endpoints': (_probe, target) => plain(target.regionalEndpoints?.length ?? 0),
};

function add(into: RequestEstimate, estimate: RequestEstimate, times = 1): void {
  into.requests += estimate.requests * times;
  into.maxRequests += estimate.maxRequests * times;
  into.inputTokens += estimate.inputTokens * times;
  into.outputTokens += estimate.outputTokens * times;
}

export interface PlanEstimateInput {
  suites: SuiteSpec[];
  onlySuites?: string[];
  shard?: Shard;
  target: Target;
  prices?: readonly ProfilePrice[];
  /** The date prices must be fresh on (YYYY-MM-DD). */
  asOf: string;
  budgetRequests?: number;
  /** A replayed cassette sends no preflight. */
  replay?: boolean;
}

/** The plan `run` would execute, estimated: no request is sent, nothing is read but the inputs. */
export function estimatePlan(input: PlanEstimateInput): PlanEstimate {
  let plan: PlannedProbe[] = planProbes(input.suites, input.onlySuites);
  if (input.shard) plan = shardPlan(plan, input.shard);
  const context = {
    target: input.target,
    hasSdk: input.target.provider === 'mistral',
    isLoopback: isLoopbackUrl(input.target.baseUrl),
  };
  const probes = new Map<string, ProbeEstimate>();
  for (const item of plan) {
    const key = `${item.suite.id}/${item.probe.id}`;
    const known = probes.get(key);
    if (known) {
      known.repetitions += 1;
      continue;
    }
    const unmet = unmetRequirement(item.probe, context);
    probes.set(key, {
      suite: item.suite.id,
      probe: item.probe.id,
      kind: item.probe.kind,
      repetitions: 1,
      skipped: unmet ? `${unmet.reason}: ${unmet.detail}` : null,
      ...(unmet ? NONE : ESTIMATORS[item.probe.kind](item.probe, input.target)),
    });
  }
  const suites = new Map<string, SuiteEstimate>();
  const totals = { ...NONE, repetitions: 0, tokens: 0 };
  for (const probe of probes.values()) {
    const suite = suites.get(probe.suite) ?? { id: probe.suite, probes: 0, repetitions: 0, ...NONE };
    suite.probes += 1;
    suite.repetitions += probe.repetitions;
    add(suite, probe, probe.repetitions);
    suites.set(probe.suite, suite);
    totals.repetitions += probe.repetitions;
    // Per-probe figures cover all its repetitions from here on.
    for (const field of ['requests', 'maxRequests', 'inputTokens', 'outputTokens'] as const)
      probe[field] *= probe.repetitions;
  }
  // The preflight usually lists models once; it may add a chat call (max_tokens 1) and a /v1 retry.
  // An OpenAI-compatible target may also refuse the one stream_options ask (stream-usage.ts).
  const streamUsageAsk = input.target.provider === 'openai-compatible' ? 1 : 0;
  const preflight = input.replay
    ? { requests: 0, maxRequests: 0 }
    : { requests: 1, maxRequests: PREFLIGHT_MAX_REQUESTS + streamUsageAsk };
  for (const suite of suites.values()) add(totals, suite);
  add(totals, { ...NONE, ...preflight });
  totals.tokens = totals.inputTokens + totals.outputTokens;
  const price = priceFor(input.prices, input.target.model, input.asOf);
  const budget = input.budgetRequests ?? input.target.budgets?.maxRequests ?? null;
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    target: {
      name: input.target.name,
      provider: input.target.provider,
      baseUrl: input.target.baseUrl,
      model: input.target.model,
    },
    shard: input.shard ? `${input.shard.index}/${input.shard.count}` : null,
    preflight,
    suites: [...suites.values()],
    probes: [...probes.values()],
    totals,
    budgetRequests: budget,
    cost: price
      ? {
          price,
          currency: price.currency,
          amount:
            Math.round(costOf({ input: totals.inputTokens, output: totals.outputTokens }, price) * 1e6) / 1e6,
        }
      : null,
    method: TOKEN_METHOD,
  };
}
