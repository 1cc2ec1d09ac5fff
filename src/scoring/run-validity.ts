/** @module Whether a run measured its target at all (DESIGN §3): a run that could not measure gets no scores. */
import type { PreflightOutcome, PreflightRecord } from '../spec/preflight-record.ts';
import { type FailureReason, type ProbeResult, TARGET_FAILURE_REASONS } from '../spec/probe-result.ts';
import type { CategoryId, CategoryScore, RunValidity } from '../spec/scorecard.ts';

const PREFLIGHT_REASONS: Record<Exclude<PreflightOutcome, 'ok'>, NonNullable<RunValidity['reason']>> = {
  unreachable: 'unreachable',
  'wrong-base-url': 'wrong-base-url',
  'key-rejected': 'key-rejected',
  'model-unknown': 'model-unknown',
};

/**
 * Errors that are the target's own answer (cut short, garbled, too slow, too big, throttled): evidence
 * of unavailability (DESIGN §4), so a run of only these still measured something. Any other error
 * (`internal-error`, `interrupted`, ...) is the harness failing to measure.
 */
const ANSWERED_BADLY = new Set<FailureReason>([...TARGET_FAILURE_REASONS, 'throttled']);

/** Transport failures that mean the target never answered. */
const NO_ANSWER = new Set<FailureReason>(['timeout', 'connection-reset', 'connection-refused']);

function invalid(reason: NonNullable<RunValidity['reason']>, message: string): RunValidity {
  return { valid: false, reason, message };
}

/** Exchanges that sent the real key as the target is used and got an answer, and how many were 401/403. */
function keyedAnswers(results: readonly ProbeResult[]): { answered: number; rejected: number } {
  let answered = 0;
  let rejected = 0;
  for (const result of results)
    for (const evidence of result.evidence) {
      if (evidence.sentRealKey !== true || evidence.status === null) continue;
      answered += 1;
      if (evidence.status === 401 || evidence.status === 403) rejected += 1;
    }
  return { answered, rejected };
}

/**
 * Judges a run from its results and its preflight: invalid when the preflight stopped it, when no
 * probe ran, when nothing reached the target, when most requests that carried the real key were
 * rejected, or when every attempted probe errored. Pure: same input, same verdict.
 */
export function judgeRunValidity(results: readonly ProbeResult[], preflight?: PreflightRecord): RunValidity {
  if (preflight && 'outcome' in preflight && preflight.outcome !== 'ok') {
    return invalid(
      PREFLIGHT_REASONS[preflight.outcome],
      preflight.message ?? `preflight: ${preflight.outcome}`,
    );
  }
  if (results.length === 0) {
    return invalid('no-probes', 'no probe was planned: the suite selection left nothing to run');
  }
  const attempted = results.filter((result) => result.status !== 'skipped');
  if (attempted.length === 0) {
    return results.some((result) => result.reason === 'budget-exhausted')
      ? invalid('no-probes', 'the request budget was spent before any probe ran')
      : invalid('no-probes', `all ${results.length} probes were skipped: nothing was measured`);
  }
  const reached = attempted.some((result) => result.evidence.some((evidence) => evidence.status !== null));
  const noAnswer = (result: ProbeResult) =>
    result.status === 'errored' && NO_ANSWER.has(result.reason ?? 'internal-error');
  if (!reached && attempted.some(noAnswer)) {
    return invalid('unreachable', 'no probe reached the target: is it up and the base URL right?');
  }
  const keyed = keyedAnswers(attempted);
  if (keyed.rejected * 2 > keyed.answered) {
    return invalid(
      'key-rejected',
      `the key was rejected: ${keyed.rejected} of ${keyed.answered} requests that carried it got 401/403`,
    );
  }
  const measuredNothing = (result: ProbeResult) =>
    result.status === 'errored' && !ANSWERED_BADLY.has(result.reason ?? 'internal-error');
  if (attempted.every(measuredNothing)) {
    return invalid(
      'all-errored',
      `every one of the ${attempted.length} probes that ran errored: nothing was measured`,
    );
  }
  return { valid: true };
}

/** The same categories with every category and component score null (the evidence and notes stay). */
export function withoutScores(scores: Record<CategoryId, CategoryScore>): Record<CategoryId, CategoryScore> {
  const emptied = {} as Record<CategoryId, CategoryScore>;
  for (const [category, value] of Object.entries(scores) as Array<[CategoryId, CategoryScore]>) {
    const components: CategoryScore['components'] = {};
    for (const [name, component] of Object.entries(value.components))
      components[name] = component === null ? null : { ...component, score: null };
    emptied[category] = { ...value, score: null, components };
  }
  return emptied;
}
