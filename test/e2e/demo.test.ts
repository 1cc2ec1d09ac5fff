import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

describe('agentscore demo (real CLI, real sandbox process, loopback HTTP)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'agentscore-demo-')), 'demo');
  let run: Awaited<ReturnType<typeof runCli>>;

  it('writes a full run directory and prints the headline scores', async () => {
    run = await runCli(['demo', '--out', out]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Agent Friendliness \d+\/100 · Security \d+\/100 · Reliability \d+\/100/);
    for (const file of ['run.json', 'results.jsonl', 'scorecard.json', 'report.md', 'report.html']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  }, 240_000);

  it('results.jsonl holds one versioned ProbeResult per line, built from real exchanges', () => {
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n');
    const results = lines.map((line) => JSON.parse(line) as ProbeResult);
    expect(results.length).toBeGreaterThan(50);
    expect(results.every((result) => result.schemaVersion === 1)).toBe(true);
    const noKey = results.find((result) => result.suite === 'auth' && result.probe === 'no-key');
    expect(noKey?.evidence[0]?.status).toBe(401);
    expect(noKey?.status).toBe('passed');
  });

  it('scorecard.json has the DESIGN §3 shape with measured scores', () => {
    const scorecard = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
    expect(scorecard.schemaVersion).toBe(1);
    expect(scorecard.scores.security.components.authStrength?.score).toBe(100);
    expect(scorecard.scores.security.components.authStrength?.source).toBe('measured');
    expect(scorecard.metrics.latency.samples).toBeGreaterThan(5);
    // The faithful sandbox waits 30 ms before the first token and 8 ms between tokens: the
    // harness's socket-level timing must see that ground truth (generous bounds: shared machine).
    expect(scorecard.metrics.latency.ttftMs.p50).toBeGreaterThanOrEqual(29);
    expect(scorecard.metrics.latency.ttftMs.p50).toBeLessThan(120);
    expect(scorecard.metrics.latency.interTokenMs.p50).toBeGreaterThanOrEqual(7.5);
    expect(scorecard.metrics.latency.interTokenMs.p50).toBeLessThan(20);
    expect(scorecard.probes.total).toBeGreaterThan(50);
    // The DPO sees which host was actually contacted and what it resolved to.
    expect(scorecard.target.contacted).toEqual({ host: '127.0.0.1', addresses: ['127.0.0.1'] });
  });

  it('writes the DPA assessment: its sections, a question per unknown fact, every line reference real', () => {
    const markdown = readFileSync(join(out, 'dpa-assessment.md'), 'utf8');
    expect(existsSync(join(out, 'dpa-assessment.html'))).toBe(true);
    expect(markdown.split('\n').filter((line) => line.startsWith('## '))).toEqual([
      '## The processing described',
      '## Summary for the DPIA',
      '## Art. 28(3): what the processor must commit to',
      '## Documentary criteria (attested facts)',
      '## Art. 32 measures verified by test',
      '## Open questions for the vendor',
    ]);
    // The sandbox attests nothing: every documentary criterion is unknown and becomes a question.
    const unknown = [...markdown.matchAll(/^### (D-[A-Z]+) — [\s\S]*?- Verdict: \*\*unknown/gm)].map(
      (match) => match[1],
    );
    expect(unknown).toHaveLength(12);
    const questions = markdown.slice(markdown.indexOf('## Open questions'));
    for (const id of unknown) expect(questions, id).toContain(`${id}:`);
    // Every measured statement names a results.jsonl line that holds that very probe.
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n');
    const references = [...markdown.matchAll(/results\.jsonl line (\d+) \(([^,#)]+)#(\d+)/g)];
    expect(references.length).toBeGreaterThan(5);
    for (const [, line, probe, repetition] of references) {
      const result = JSON.parse(lines[Number(line) - 1] ?? '{}') as ProbeResult;
      expect(`${result.suite}/${result.probe}#${result.repetition}`).toBe(`${probe}#${repetition}`);
    }
    // The faithful sandbox echoes submitted values in 422s, as the live API does (P-PIIECHO): the
    // offending scalar alone counts as partial, a whole echoed object as a failure.
    expect(markdown).toMatch(
      /Personal data sent in a malformed request[^\n]*\n\n- Verdict: \*\*failed\*\* \(0 passed, 1 partial, 2 failed\)/,
    );
  });
});
