/**
 * @module bench/exactness — how close agentscore's TTFT, inter-token and e2e figures come to the
 * sandbox's configured ground truth (DESIGN §5 definitions), with the real `latency` suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registryNames } from '../src/probes/registry.ts';
import { createProvider } from '../src/providers/create-provider.ts';
import { PROJECT_PATHS } from '../src/run/project-paths.ts';
import { runSuites } from '../src/run/run-suites.ts';
import type { Target } from '../src/spec/target.ts';
import { loadSuites } from '../src/suite/load-suites.ts';
import { startChildSandbox } from './child-sandbox.ts';
import { median, percentile, round } from './percentile.ts';

export interface ExactnessOptions {
  /** Ground truth served by the sandbox. */
  ttftMs: number;
  interTokenMs: number;
  samples: number;
  concurrency: number;
}

export interface ExactnessFigures {
  ttft_error_ms_median: number;
  ttft_error_ms_p99: number;
  inter_token_error_ms_median: number;
  e2e_error_ms_median: number;
}

export async function measureExactness(options: ExactnessOptions): Promise<ExactnessFigures> {
  // An inline profile: `fast` (no rate limit in reach) with known delays; the CLI only takes names.
  const sandbox = await startChildSandbox({
    extends: 'fast',
    latency: { ttftMs: options.ttftMs, interTokenMs: options.interTokenMs },
  });
  const target: Target = {
    name: 'bench latency sandbox',
    provider: 'openai-compatible',
    baseUrl: sandbox.baseUrl,
    model: 'mistral-small-latest',
    apiKeyEnv: 'AGENTSCORE_SANDBOX_KEY',
  };
  const provider = createProvider(target, sandbox.apiKey);
  const runDir = mkdtempSync(join(tmpdir(), 'agentscore-bench-exactness-'));
  try {
    const [latency] = await loadSuites([join(PROJECT_PATHS.suites, 'latency.yaml')], registryNames());
    const run = (repeat: number, directory: string) =>
      runSuites({
        suites: [{ ...latency!, probes: latency!.probes.map((probe) => ({ ...probe, repeat })) }],
        target,
        provider,
        runDir: directory,
        concurrency: options.concurrency,
        timeoutMs: 30_000,
        signal: new AbortController().signal,
      });
    // One untimed round first: opens the connections and warms both processes' JIT, which are
    // not measurement error (the sandbox's clock starts when a request arrives).
    await run(options.concurrency, join(runDir, 'warm-up'));
    const summary = await run(options.samples, join(runDir, 'measured'));
    const ttft: number[] = [];
    const interToken: number[] = [];
    const e2e: number[] = [];
    for (const { timings } of summary.results) {
      const { ttftMs, interTokenMs, e2eMs, outputTokens } = timings;
      if (ttftMs === undefined || interTokenMs === undefined || e2eMs === undefined || !outputTokens)
        continue;
      ttft.push(Math.abs(ttftMs - options.ttftMs));
      interToken.push(Math.abs(interTokenMs - options.interTokenMs));
      e2e.push(Math.abs(e2eMs - (options.ttftMs + options.interTokenMs * (outputTokens - 1))));
    }
    if (ttft.length < options.samples * 0.9) {
      throw new Error(`only ${ttft.length} of ${options.samples} latency samples were complete`);
    }
    return {
      ttft_error_ms_median: round(median(ttft)),
      ttft_error_ms_p99: round(percentile(ttft, 99)),
      inter_token_error_ms_median: round(median(interToken), 3),
      e2e_error_ms_median: round(median(e2e)),
    };
  } finally {
    await provider.close();
    await sandbox.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}
