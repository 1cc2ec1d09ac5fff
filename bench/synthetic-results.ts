/**
 * @module bench/synthetic-results — realistic ProbeResults in bulk: a mix of suites, kinds and statuses,
 * checks feeding every rubric component, latency/JSON-mode/tool-call measurements and evidence.
 */
import type { CheckResult, ProbeResult, ProbeStatus } from '../src/spec/probe-result.ts';
import type { Rubric } from '../src/spec/rubric.ts';
import type { ComponentPath } from '../src/spec/scorecard.ts';

const SUITES = [
  { id: 'auth', kind: 'http' },
  { id: 'errors', kind: 'http' },
  { id: 'json-mode', kind: 'json-mode' },
  { id: 'latency', kind: 'chat-stream' },
  { id: 'tool-calls', kind: 'tool-call' },
  { id: 'agent-loops', kind: 'agent-loop' },
  { id: 'rate-limits', kind: 'burst' },
  { id: 'data-handling', kind: 'http' },
  { id: 'versions', kind: 'models' },
  { id: 'transport', kind: 'tls' },
] as const;
const PROBES_PER_SUITE = 100;

const HEADERS = {
  'content-type': 'application/json',
  'mistral-correlation-id': '01a21459-067c-71e8-9f86-a5ac66a1b646',
  'x-ratelimit-limit-req-minute': '1200',
  'x-ratelimit-remaining-req-minute': '170',
};
const BODY_EXCERPT = JSON.stringify({
  id: '2d4cf3bed9892fc0256c37a0cdf2e567',
  object: 'chat.completion',
  model: 'mistral-small-latest',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'This is the agentscore sandbox, a deterministic stand-in.' },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 35, total_tokens: 44 },
});

/** Every (component, check id) the rubric scores, so synthetic checks reach every component. */
function rubricChecks(rubric: Rubric): Array<{ component: ComponentPath; id: string }> {
  return Object.entries(rubric.components).flatMap(([component, spec]) =>
    Object.keys(spec?.checks ?? {}).map((id) => ({ component: component as ComponentPath, id })),
  );
}

/** Deterministic pseudo-random in [0, 1) from an integer (same input, same results). */
function unit(seed: number): number {
  const value = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return value - Math.floor(value);
}

function statusFor(seed: number): ProbeStatus {
  const draw = unit(seed);
  if (draw < 0.8) return 'passed';
  if (draw < 0.92) return 'failed';
  return draw < 0.97 ? 'errored' : 'skipped';
}

/** `count` results, unique by suite/probe/repetition, spread over the suites above and the rubric's checks. */
export function syntheticResults(count: number, rubric: Rubric, runId = 'bench-run'): ProbeResult[] {
  const checks = rubricChecks(rubric);
  const results: ProbeResult[] = new Array(count);
  const started = Date.UTC(2026, 0, 1);
  for (let index = 0; index < count; index++) {
    const suite = SUITES[index % SUITES.length]!;
    const status = statusFor(index);
    const ended = status === 'passed' || status === 'failed';
    const first = checks[index % checks.length]!;
    const second = checks[(index * 7 + 3) % checks.length]!;
    const resultChecks: CheckResult[] = ended
      ? [
          { id: first.id, component: first.component, passed: true, detail: 'as expected' },
          {
            id: second.id,
            component: second.component,
            passed: status === 'passed',
            detail: status === 'passed' ? 'as expected' : 'answered 500 where 400 was expected',
          },
          { id: 'availability', component: 'reliability.uptimeSla', passed: true, detail: 'answered' },
        ]
      : [];
    const ttftMs = 150 + unit(index + 1) * 300;
    const outputTokens = 10 + Math.floor(unit(index + 2) * 50);
    const interTokenMs = 8 + unit(index + 3) * 20;
    const e2eMs = ttftMs + interTokenMs * (outputTokens - 1);
    results[index] = {
      schemaVersion: 1,
      runId,
      suite: suite.id,
      probe: `${suite.id}-probe-${Math.floor(index / SUITES.length) % PROBES_PER_SUITE}`,
      kind: suite.kind,
      repetition: Math.floor(index / (SUITES.length * PROBES_PER_SUITE)) + 1,
      attempt: 1,
      status,
      reason: status === 'errored' ? 'timeout' : status === 'skipped' ? 'not-supported' : null,
      ...(ended ? {} : { reasonDetail: 'no complete answer within 10000 ms' }),
      checks: resultChecks,
      timings: {
        startedAt: new Date(started + index * 50).toISOString(),
        durationMs: e2eMs + 1,
        ttfbMs: 2 + unit(index + 4) * 5,
        ...(suite.kind === 'chat-stream'
          ? {
              ttftMs,
              e2eMs,
              interTokenMs,
              outputTokens,
              outputTokensPerSecond: outputTokens / (e2eMs / 1000),
            }
          : { e2eMs }),
      },
      measurements:
        suite.kind === 'chat-stream'
          ? { latency: ended }
          : suite.kind === 'json-mode'
            ? { jsonMode: { accepted: true, valid: status === 'passed', schemaValid: status === 'passed' } }
            : suite.kind === 'tool-call'
              ? {
                  toolCalls: {
                    forced: true,
                    forcedCallMade: ended,
                    calls: 1,
                    validArguments: 1,
                    repeatedCalls: 0,
                  },
                }
              : {},
      evidence: ended
        ? [
            {
              method: 'POST',
              url: 'http://127.0.0.1:33085/v1/chat/completions',
              status: status === 'passed' ? 200 : 500,
              headers: HEADERS,
              bodyExcerpt: BODY_EXCERPT,
              bodyBytes: BODY_EXCERPT.length,
            },
          ]
        : [],
    };
  }
  return results;
}
