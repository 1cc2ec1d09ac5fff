/** @module Deterministic probe results for report tests, including hostile evidence and bulk runs. */
import type { CheckResult, ExchangeEvidence, ProbeResult } from '../../spec/probe-result.ts';
import { HOSTILE } from './scorecards.ts';

const RUN_ID = 'run-2026-03-07-0900';

function exchange(
  status: number | null,
  body: string,
  url = 'https://api.mistral.ai/v1/chat/completions',
): ExchangeEvidence {
  return {
    method: 'POST',
    url,
    status,
    headers: { 'content-type': 'application/json' },
    bodyExcerpt: body,
    bodyBytes: body.length,
  };
}

interface ResultOptions {
  status?: ProbeResult['status'];
  reason?: ProbeResult['reason'];
  checks?: CheckResult[];
  evidence?: ExchangeEvidence[];
  latency?: { ttftMs: number; e2eMs: number };
  kind?: string;
}

export function probeResult(
  suite: string,
  probe: string,
  repetition: number,
  options: ResultOptions = {},
): ProbeResult {
  const { latency } = options;
  return {
    schemaVersion: 1,
    runId: RUN_ID,
    suite,
    probe,
    kind: options.kind ?? 'http',
    repetition,
    attempt: 1,
    status: options.status ?? 'passed',
    reason: options.reason ?? null,
    checks: options.checks ?? [],
    timings: {
      startedAt: '2026-03-07T09:00:01.000Z',
      durationMs: latency?.e2eMs ?? 120,
      ...(latency ? { ttftMs: latency.ttftMs, e2eMs: latency.e2eMs, ttfbMs: latency.ttftMs / 2 } : {}),
    },
    measurements: latency ? { latency: true } : {},
    evidence: options.evidence ?? [exchange(200, '{"id":"cmpl-1","object":"chat.completion"}')],
  };
}

const pass = (id: string, component: CheckResult['component'], detail = 'ok'): CheckResult => ({
  id,
  component,
  passed: true,
  detail,
});
const fail = (id: string, component: CheckResult['component'], detail: string): CheckResult => ({
  id,
  component,
  passed: false,
  detail,
});

/** A small realistic run: latency samples, a JSON-mode failure, a looping tool call, GDPR checks. */
export function fixtureResults(): ProbeResult[] {
  const results: ProbeResult[] = [];
  for (let repetition = 1; repetition <= 40; repetition += 1) {
    const ttftMs = 300 + ((repetition * 37) % 700);
    results.push(
      probeResult('chat', 'stream-latency', repetition, {
        kind: 'chat-stream',
        latency: { ttftMs, e2eMs: ttftMs + 1500 + ((repetition * 53) % 3000) },
        checks: [pass('stream-done', 'reliability.errorRecovery')],
      }),
    );
  }
  results.push(
    probeResult('json-mode', 'json-object', 1, {
      status: 'failed',
      checks: [
        fail('json-valid', 'agentFriendliness.errorMessages', 'content was wrapped in a ```json fence'),
      ],
      evidence: [exchange(200, '{"choices":[{"message":{"content":"```json\\n{\\"a\\":1}\\n```"}}]}')],
    }),
    probeResult('tools', 'tool-loop', 1, {
      status: 'failed',
      kind: 'tool-loop',
      checks: [
        fail('no-repeated-call', null, 'get_weather({"city":"Paris"}) called twice in one conversation'),
      ],
    }),
    probeResult('auth', 'unauthenticated', 1, {
      checks: [pass('unauthenticated-rejected', 'security.authStrength', '401 without a key')],
      evidence: [exchange(401, '{"detail":"Unauthorized"}')],
    }),
    probeResult('data-protection', 'pii-echo', 1, {
      status: 'failed',
      checks: [
        fail(
          'P-PIIECHO',
          'dataProtection.dataMinimisation',
          'canary e-mail echoed in detail[].input of a 422',
        ),
      ],
      evidence: [
        exchange(422, '{"detail":[{"type":"missing","input":{"email":"canary-7f3a@example.invalid"}}]}'),
      ],
    }),
    probeResult('data-protection', 'erase-file', 1, {
      checks: [pass('P-ERASE', 'dataProtection.retentionAndDeletion', 'GET after DELETE answered 404')],
      evidence: [exchange(404, '{"detail":"File not found"}', 'https://api.mistral.ai/v1/files/file-1')],
    }),
    probeResult('reliability', 'burst', 1, { status: 'errored', reason: 'timeout', evidence: [] }),
    probeResult('agent', 'mcp-discovery', 1, { status: 'skipped', reason: 'not-applicable', evidence: [] }),
  );
  return results;
}

/** Results whose evidence, details and ids carry hostile text. */
export function hostileResults(): ProbeResult[] {
  const body = `${HOSTILE.script}${HOSTILE.newline}${HOSTILE.control}${'x'.repeat(400)}`;
  return [
    probeResult('evil', '<script>', 1, {
      status: 'failed',
      checks: [
        fail(
          `check ${HOSTILE.pipes}`,
          'dataProtection.dataMinimisation',
          `${HOSTILE.link} ${HOSTILE.newline}`,
        ),
      ],
      evidence: [exchange(500, body, `https://evil.example/${HOSTILE.image}`)],
    }),
    probeResult('tools', 'tool-loop', 1, {
      status: 'errored',
      reason: 'invalid-json',
      evidence: [exchange(200, HOSTILE.backticks)],
    }),
  ];
}

/** `count` results for performance tests: a mix of passes, failures with evidence and latency samples. */
export function manyResults(count: number): ProbeResult[] {
  const results: ProbeResult[] = new Array(count);
  for (let index = 0; index < count; index += 1) {
    const failed = index % 7 === 0;
    results[index] = probeResult(`suite-${index % 5}`, `probe-${index % 50}`, Math.floor(index / 50) + 1, {
      status: failed ? 'failed' : 'passed',
      latency: { ttftMs: 200 + (index % 800), e2eMs: 1200 + (index % 4000) },
      checks: [
        failed
          ? fail(
              'shape-stable',
              'reliability.breakingChanges',
              `field choices[0].message missing in response ${index}`,
            )
          : pass('shape-stable', 'reliability.breakingChanges'),
        pass('P-PIIECHO', 'dataProtection.dataMinimisation'),
      ],
    });
  }
  return results;
}
