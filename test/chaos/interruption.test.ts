/** Interruption: SIGTERM and the per-run time cap stop cleanly (whole lines, partial scorecard); --resume finishes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../e2e/run-cli.ts';
import { KEY_ENV, readResultLines, readScorecard, targetFlags, tempDir, withSandbox } from './chaos-run.ts';

const SLOW = { latency: { ttftMs: 300, interTokenMs: 40 } };

async function waitForResults(runDir: string, count: number): Promise<void> {
  for (let waited = 0; waited < 30_000 && readResultLines(runDir).length < count; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.concurrent('interruption', () => {
  it('SIGTERM: in-flight probes get ≤ 5 s, whole lines, incomplete scorecard, exit 130; --resume completes', async () => {
    await withSandbox(
      {},
      async (sandbox) => {
        const runDir = join(tempDir('sigterm'), 'run');
        const flags = [...targetFlags(sandbox.url), '--out', runDir, '--suite', 'latency'];
        const { child, done } = startCli(['run', ...flags, '--concurrency', '2'], KEY_ENV);
        await waitForResults(runDir, 2);
        const signalledAt = performance.now();
        child.kill('SIGTERM');
        const stopped = await done;
        expect(performance.now() - signalledAt).toBeLessThan(6000);
        expect(stopped.code, stopped.stderr).toBe(130);
        expect(stopped.stderr).not.toMatch(/\n\s+at /);
        expect(readFileSync(join(runDir, 'results.jsonl'), 'utf8').endsWith('\n')).toBe(true);
        const partial = readResultLines(runDir);
        expect(partial.length).toBeLessThan(12);
        expect(readScorecard(runDir).complete).toBe(false);

        const resumed = await runCli(['run', ...flags, '--resume', '--concurrency', '8'], KEY_ENV);
        expect(resumed.code, resumed.stderr).toBe(0);
        const keys = readResultLines(runDir).map((result) => `${result.probe}#${result.repetition}`);
        expect(new Set(keys).size).toBe(12);
        expect(keys.length).toBe(12);
        expect(readScorecard(runDir).complete).toBe(true);
      },
      SLOW,
    );
  });

  it('--max-run-seconds: stops scheduling, writes a partial scorecard, exits 3', async () => {
    await withSandbox(
      {},
      async (sandbox) => {
        const runDir = join(tempDir('deadline'), 'run');
        const startedAt = performance.now();
        const run = await runCli(
          [
            'run',
            ...targetFlags(sandbox.url),
            '--out',
            runDir,
            '--suite',
            'latency',
            '--concurrency',
            '1',
            '--max-run-seconds',
            '2',
          ],
          KEY_ENV,
        );
        expect(run.code, run.stderr).toBe(3);
        expect(run.stderr).toContain('--max-run-seconds 2 reached');
        expect(performance.now() - startedAt).toBeLessThan(15_000);
        expect(readResultLines(runDir).length).toBeLessThan(12);
        expect(readScorecard(runDir).complete).toBe(false);
      },
      SLOW,
    );
  });
});
