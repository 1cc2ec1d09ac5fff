/**
 * Hostile targets: whatever a target does, the run completes, each affected probe is a result row with
 * a typed reason, the scorecard is written (components that lost all evidence are null) and no stack
 * trace reaches the console. The real CLI against the sandbox (inline fault profiles) or a tiny server.
 */
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import { componentScore, readScorecard, runChaos, withSandbox, withServer } from './chaos-run.ts';

function rows(results: ProbeResult[], probe: string): ProbeResult[] {
  const found = results.filter((result) => result.probe === probe);
  expect(found.length, `rows for ${probe}`).toBeGreaterThan(0);
  return found;
}

function expectErrored(results: ProbeResult[], probe: string, reason: string): void {
  for (const result of rows(results, probe)) {
    expect({ probe, status: result.status, reason: result.reason }).toEqual({
      probe,
      status: 'errored',
      reason,
    });
  }
}

describe('hostile targets (versions suite: GET /v1/models + two chat completions)', () => {
  it('a connection reset on /v1/models → connection-reset; the rest is scored; exit 0', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/models', resetConnection: true }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'models-list', 'connection-reset');
      expect(rows(run.results, 'chat-model-served').every((row) => row.status === 'passed')).toBe(true);
    });
  });

  it('an answer slower than the timeout → timeout', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/chat/completions', hangMs: 20_000 }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions'], ['--timeout-ms', '800']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'chat-model-served', 'timeout');
      expect(rows(run.results, 'models-list')[0]!.status).not.toBe('errored');
    });
  });

  it('a JSON body cut short under its content-length → truncated-body', async () => {
    await withSandbox({ truncateJsonBody: true }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'chat-model-served', 'truncated-body');
    });
  });

  it('a content-length that lies (declares more, then closes) → truncated-body', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/models', lyingContentLength: true }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'models-list', 'truncated-body');
    });
  });

  it('a 200 that is not JSON → invalid-json (not a pass on an empty model list)', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/models', invalidJson: true }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'models-list', 'invalid-json');
    });
  });

  it('a 200 that is not valid UTF-8 → invalid-utf8', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/models', invalidUtf8: true }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      expectErrored(run.results, 'models-list', 'invalid-utf8');
    });
  });

  it('every path reset: the preflight stops the run, exit 3, no probe runs and every score is null', async () => {
    await withSandbox({ pathFaults: [{ path: '/v1/*', resetConnection: true }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain('Could not measure chaos: nothing answers at');
      expect(run.results.length).toBe(0);
      const card = readScorecard(run.runDir);
      expect(card.validity).toMatchObject({ valid: false, reason: 'unreachable' });
      expect(componentScore(card, 'reliability.versionStability')).toBeNull();
      expect(componentScore(card, 'reliability.breakingChanges')).toBeNull();
      expect(componentScore(card, 'agentFriendliness.documentation')).toBeNull();
      for (const category of Object.values(card.scores)) expect(category.score).toBeNull();
      expect(card.metrics.latency.ttftMs.p50 ?? null).toBeNull();
    });
  });
});

describe('hostile streams (latency suite: 12 streamed chat completions)', () => {
  it('SSE that stops mid-event → invalid-sse; no latency metric from broken streams', async () => {
    await withSandbox(
      { pathFaults: [{ path: '/v1/chat/completions', sseCut: 'mid-event' }] },
      async (sandbox) => {
        const run = await runChaos(sandbox.url, ['latency']);
        expect(run.code, run.stderr).toBe(0);
        expectErrored(run.results, 'stream-short', 'invalid-sse');
        const card = readScorecard(run.runDir);
        expect(componentScore(card, 'reliability.uptimeSla')).toBe(0);
      },
    );
  });

  it('SSE that ends without [DONE] → failed stream-complete check', async () => {
    await withSandbox(
      { pathFaults: [{ path: '/v1/chat/completions', sseCut: 'no-done' }] },
      async (sandbox) => {
        const run = await runChaos(sandbox.url, ['latency']);
        expect(run.code, run.stderr).toBe(0);
        for (const row of rows(run.results, 'stream-short')) {
          expect(row.status).toBe('failed');
          expect(row.checks.find((check) => check.id === 'stream-complete')?.passed).toBe(false);
        }
      },
    );
  });
});

describe('hostile error answers (errors suite)', () => {
  it('8 MB error bodies → body-too-large, read stops at the cap', async () => {
    await withSandbox(
      { pathFaults: [{ path: '/v1/chat/completions', hugeErrorBodyBytes: 8 * 1024 * 1024 }] },
      async (sandbox) => {
        const run = await runChaos(sandbox.url, ['errors']);
        expect(run.code, run.stderr).toBe(0);
        const errored = run.results.filter((result) => result.status === 'errored');
        expect(errored.length).toBeGreaterThan(5);
        for (const result of errored) expect(result.reason).toBe('body-too-large');
        for (const result of run.results)
          for (const evidence of result.evidence)
            expect(evidence.bodyExcerpt.length).toBeLessThanOrEqual(600);
      },
    );
  });

  it('a flood of 503s: every row answered, availability fails, uptime 0', async () => {
    await withSandbox({ serverErrors: [{ every: 1, status: 503 }] }, async (sandbox) => {
      const run = await runChaos(sandbox.url, ['versions']);
      expect(run.code, run.stderr).toBe(0);
      for (const result of run.results) {
        expect(result.evidence[0]?.status).toBe(503);
        expect(result.checks.find((check) => check.id === 'availability')?.passed).toBe(false);
      }
      expect(componentScore(readScorecard(run.runDir), 'reliability.uptimeSla')).toBe(0);
    });
  });

  it('a flood of 429s (Retry-After: 0): retries are capped at 6 and the 429 is the evidence', async () => {
    let requests = 0;
    await withServer(
      (_request, response) => {
        requests += 1;
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end('{"message":"Requests rate limit exceeded"}');
      },
      async (url) => {
        const run = await runChaos(url, ['versions']);
        expect(run.code, run.stderr).toBe(0);
        // The preflight's one GET models (a 429 does not stop it), then 3 probes, each at most 1 + 6 throttle retries.
        expect(requests).toBeLessThanOrEqual(1 + 3 * 7);
        for (const result of run.results) {
          expect(result.evidence[0]?.status).toBe(429);
          expect(result.attempt).toBe(7);
        }
      },
    );
  });
});
