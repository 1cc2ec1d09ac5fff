/**
 * @module bench/fixed-cost — what one invocation of the CLI costs before any real work: `--help`, a
 * one-case run end to end (plan, one request, score, every report and chart) against the fast sandbox,
 * and `agentscore score RUN_DIR`. Each is spawned many times; the minimum is reported, since on a shared
 * machine noise only ever adds time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildSandbox } from './child-sandbox.ts';
import { CASE_MODEL, writeAgentscoreSuite } from './json-mode-cases.ts';

export interface FixedCostFigures {
  help_ms: number;
  one_case_run_ms: number;
  score_ms: number;
  /** `node` on an empty file: the floor under every figure above. */
  node_empty_ms: number;
}

const BIN = fileURLToPath(new URL('../bin/agentscore.js', import.meta.url));

/** Wall milliseconds of `node ARGS`, output discarded; throws on a non-zero exit. */
function spawnMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fastest(repetitions: number, once: () => number): number {
  once(); // fills the OS file cache; not counted
  let best = Number.POSITIVE_INFINITY;
  for (let index = 0; index < repetitions; index++) best = Math.min(best, once());
  return Math.round(best);
}

/** `bin` is the CLI entry to time (this checkout's by default; another checkout's for a before/after). */
export async function measureFixedCost(repetitions = 15, bin = BIN): Promise<FixedCostFigures> {
  const work = mkdtempSync(join(tmpdir(), 'agentscore-bench-fixed-'));
  const sandbox = await startChildSandbox('fast');
  try {
    const suitesDir = writeAgentscoreSuite(join(work, 'suites'), 1);
    const empty = join(work, 'empty.mjs');
    execFileSync(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(empty)}, '')`]);
    const runDir = join(work, 'run');
    const env = { ...process.env, BENCH_SANDBOX_KEY: sandbox.apiKey };
    const runArgs = [
      bin,
      'run',
      ...['--provider', 'openai-compatible', '--base-url', sandbox.baseUrl, '--model', CASE_MODEL],
      ...['--api-key-env', 'BENCH_SANDBOX_KEY', '--suites-dir', suitesDir, '--out', runDir],
    ];
    return {
      help_ms: fastest(repetitions, () => spawnMs([bin, '--help'])),
      one_case_run_ms: fastest(repetitions, () => spawnMs(runArgs, env)),
      score_ms: fastest(repetitions, () => spawnMs([bin, 'score', runDir])),
      node_empty_ms: fastest(repetitions, () => spawnMs([empty])),
    };
  } finally {
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// `node bin/run-ts.js bench/fixed-cost.ts [REPETITIONS] [BIN]`: this benchmark alone, e.g. to compare
// two checkouts at the same moment.
if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const figures = await measureFixedCost(Number(process.argv[2] ?? 15), process.argv[3] ?? BIN);
  for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name}: ${value}\n`);
}
