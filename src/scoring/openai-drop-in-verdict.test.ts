import { describe, expect, it } from 'vitest';
import type { CheckResult, ProbeResult, ProbeStatus } from '../spec/probe-result.ts';
import { describeOpenAiDropIn, openAiDropInVerdict } from './openai-drop-in-verdict.ts';

function result(
  probe: string,
  checks: Array<[string, boolean | null]>,
  status: ProbeStatus = checks.some(([, passed]) => passed === false) ? 'failed' : 'passed',
  reason: ProbeResult['reason'] = null,
): ProbeResult {
  return {
    schemaVersion: 1,
    runId: 'run',
    suite: 'openai-sdk',
    probe,
    kind: 'openai-sdk',
    repetition: 1,
    attempt: 1,
    status,
    reason,
    checks: checks.map(
      ([id, passed]): CheckResult => ({
        id,
        component: 'agentFriendliness.documentation',
        passed,
        detail: '',
      }),
    ),
    timings: { startedAt: '2026-11-26T00:00:00.000Z', durationMs: 1 },
    measurements: {},
    evidence: [],
  };
}

const ALL_PASS: ProbeResult[] = [
  result('openai-sdk-chat', [
    ['openai-sdk-chat', true],
    ['openai-sdk-key-works', true],
  ]),
  result('openai-sdk-stream-text', [['openai-sdk-stream-text', true]]),
  result('openai-sdk-stream-tool-call', [['openai-sdk-stream-tool-call', true]]),
  result('openai-sdk-error-bad-request', [
    ['openai-sdk-error-class', true],
    ['openai-sdk-error-message-surfaced', true],
  ]),
];

describe('openAiDropInVerdict', () => {
  it('is yes when every step passed', () => {
    const verdict = openAiDropInVerdict(ALL_PASS);
    expect(verdict).toEqual({ verdict: 'yes', reasons: [] });
    expect(describeOpenAiDropIn(verdict!)).toBe('drops in as an OpenAI SDK base URL: yes');
  });

  it('is partly, naming what differs, when the chat works but streamed tool calls and error bodies do not', () => {
    const results = [
      ALL_PASS[0]!,
      ALL_PASS[1]!,
      result('openai-sdk-stream-tool-call', [['openai-sdk-stream-tool-call', false]]),
      result('openai-sdk-error-bad-request', [
        ['openai-sdk-error-class', true],
        ['openai-sdk-error-message-surfaced', false],
      ]),
    ];
    const verdict = openAiDropInVerdict(results)!;
    expect(verdict.verdict).toBe('partly');
    expect(describeOpenAiDropIn(verdict)).toBe(
      'drops in as an OpenAI SDK base URL: partly — streaming tool calls differ, error bodies not surfaced',
    );
  });

  it('is no when the chat fails, the key is refused, or the chat probe errored', () => {
    const refused = [
      result('openai-sdk-chat', [
        ['openai-sdk-chat', false],
        ['openai-sdk-key-works', false],
      ]),
    ];
    expect(openAiDropInVerdict(refused)?.verdict).toBe('no');
    const unreachable = [
      result('openai-sdk-chat', [], 'errored', 'connection-refused'),
      ...ALL_PASS.slice(1),
    ];
    const verdict = openAiDropInVerdict(unreachable)!;
    expect(verdict.verdict).toBe('no');
    expect(verdict.reasons).toContain('chat completions fail through the SDK (connection-refused)');
  });

  it('lists skipped steps as not tested without lowering a yes, and is null when nothing was judged', () => {
    const results = [
      ALL_PASS[0]!,
      result('openai-sdk-stream-text', [], 'skipped', 'not-supported'),
      result('openai-sdk-error-rate-limit', [], 'skipped', 'not-applicable'),
    ];
    expect(openAiDropInVerdict(results)).toEqual({
      verdict: 'yes',
      reasons: ['not tested: stream-text (not-supported)', 'not tested: error-class (not-applicable)'],
    });
    expect(openAiDropInVerdict([result('openai-sdk-chat', [], 'skipped', 'opt-in')])).toBeNull();
    expect(openAiDropInVerdict([{ ...ALL_PASS[0]!, suite: 'auth' }])).toBeNull();
  });
});
