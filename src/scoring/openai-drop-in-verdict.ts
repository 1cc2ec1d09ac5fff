/**
 * @module Whether the target drops in as an OpenAI SDK base URL ("yes / partly — streaming tool calls
 * differ, error bodies not surfaced / no"), from the openai-sdk suite's results. Pure: no I/O.
 */
import type { ProbeResult } from '../spec/probe-result.ts';

export type OpenAiDropInAnswer = 'yes' | 'partly' | 'no';

export interface OpenAiDropInVerdict {
  verdict: OpenAiDropInAnswer;
  /** Why not `yes` (what differs), and which steps were not tested; empty for a clean yes. */
  reasons: string[];
}

export const OPENAI_SDK_SUITE = 'openai-sdk';

/** Steps without which nothing else matters: a chat through the SDK with the key. */
const CORE_CHECKS = new Set(['openai-sdk-chat', 'openai-sdk-key-works']);

/** What a failed step means for someone swapping the base URL, keyed by check id. */
const STEP_WORDING: Record<string, string> = {
  'openai-sdk-chat': 'chat completions fail through the SDK',
  'openai-sdk-key-works': 'the key is refused through the SDK',
  'openai-sdk-stream-text': 'streaming differs',
  'openai-sdk-stream-tool-call': 'streaming tool calls differ',
  'openai-sdk-tool-round-trip': 'the tool-call round trip fails',
  'openai-sdk-json-object': 'json_object mode differs',
  'openai-sdk-json-schema': 'json_schema parse() differs',
  'openai-sdk-models': 'the models list differs',
  'openai-sdk-error-class': 'error classes differ',
  'openai-sdk-error-message-surfaced': 'error bodies not surfaced',
};

/** Probe id to the check it is judged by, for probes that errored (they carry no checks). */
function checkOfProbe(probe: string): string {
  if (probe.startsWith('openai-sdk-error-')) return 'openai-sdk-error-class';
  return probe;
}

function wordingOf(check: string): string {
  return STEP_WORDING[check] ?? check;
}

/** null when the openai-sdk suite did not run or every step was skipped: nothing was measured. */
export function openAiDropInVerdict(results: readonly ProbeResult[]): OpenAiDropInVerdict | null {
  const suite = results.filter((result) => result.suite === OPENAI_SDK_SUITE);
  const judged = suite.filter((result) => result.status !== 'skipped');
  if (judged.length === 0) return null;
  const failed = new Set<string>();
  const errored = new Map<string, string>();
  for (const result of judged) {
    if (result.status === 'errored') {
      errored.set(checkOfProbe(result.probe), result.reason ?? 'errored');
      continue;
    }
    for (const check of result.checks) if (check.passed === false) failed.add(check.id);
  }
  const untested = new Map<string, string>();
  for (const result of suite) {
    if (result.status === 'skipped') untested.set(checkOfProbe(result.probe), result.reason ?? 'skipped');
  }
  const broken = [...new Set([...failed, ...errored.keys()])];
  const reasons = [
    ...broken.map((check) =>
      errored.has(check) && !failed.has(check)
        ? `${wordingOf(check)} (${errored.get(check)})`
        : wordingOf(check),
    ),
    ...[...untested]
      .filter(([check]) => !broken.includes(check))
      .map(([check, reason]) => `not tested: ${check.replace(/^openai-sdk-/, '')} (${reason})`),
  ];
  const coreJudged = judged.some((result) => result.probe === 'openai-sdk-chat');
  const verdict: OpenAiDropInAnswer =
    !coreJudged || broken.some((check) => CORE_CHECKS.has(check))
      ? 'no'
      : broken.length > 0
        ? 'partly'
        : 'yes';
  if (!coreJudged) reasons.unshift('no chat completion was judged through the SDK');
  return { verdict, reasons };
}

/** "drops in as an OpenAI SDK base URL: partly — streaming tool calls differ, error bodies not surfaced". */
export function describeOpenAiDropIn(verdict: OpenAiDropInVerdict): string {
  const differs = verdict.reasons.filter((reason) => !reason.startsWith('not tested'));
  const text = `drops in as an OpenAI SDK base URL: ${verdict.verdict}`;
  return verdict.verdict === 'yes' || differs.length === 0 ? text : `${text} — ${differs.join(', ')}`;
}
