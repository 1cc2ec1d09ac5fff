/**
 * @module bench/peer-promptfoo — the same N JSON-mode cases through promptfoo 0.121.20 and through
 * agentscore against the fast sandbox (its own process: no delay, no rate limit), both at concurrency
 * 20 and both writing their result files; wall time of each CLI process and the ratio. promptfoo is
 * installed into a cache folder outside the project (never a dependency) on first use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildSandbox } from './child-sandbox.ts';
import { CASE_MODEL, writeAgentscoreSuite, writePromptfooConfig } from './json-mode-cases.ts';

export const PROMPTFOO_VERSION = '0.121.20';
const CONCURRENCY = 20;
const BIN = fileURLToPath(new URL('../bin/agentscore.js', import.meta.url));
const PROMPTFOO_HOME = join(tmpdir(), 'agentscore-bench', `promptfoo-${PROMPTFOO_VERSION}`);

export interface PeerRow {
  cases: number;
  promptfooSeconds: number;
  agentscoreSeconds: number;
  ratio: number;
}

/** The promptfoo CLI script, installed on first use; a reason string when it cannot be had. */
export function installPromptfoo(): { cli: string } | { skipped: string } {
  const bin = join(PROMPTFOO_HOME, 'node_modules', '.bin', 'promptfoo');
  if (existsSync(bin)) return { cli: bin };
  mkdirSync(PROMPTFOO_HOME, { recursive: true });
  process.stderr.write(`installing promptfoo@${PROMPTFOO_VERSION} into ${PROMPTFOO_HOME} (once)...\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(
    npm,
    ['install', '--prefix', PROMPTFOO_HOME, `promptfoo@${PROMPTFOO_VERSION}`, '--no-audit', '--no-fund'],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 },
  );
  if (install.status !== 0 || !existsSync(bin)) {
    const reason =
      (install.stderr ?? '').trim().split('\n').at(-1) || install.error?.message || 'no promptfoo';
    return { skipped: `npm install promptfoo@${PROMPTFOO_VERSION} failed: ${reason}` };
  }
  return { cli: bin };
}

/** Runs a CLI to completion; a failure throws with its stderr, not a dump of buffers. */
function runCli(file: string, args: string[], env: NodeJS.ProcessEnv): void {
  const run = spawnSync(file, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    throw new Error(`${file} ${args[0]} exited with ${run.status ?? run.signal}: ${run.stderr.slice(-2000)}`);
  }
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** promptfoo's answers must be the sandbox's JSON, not errors: a few are parsed to be sure. */
function checkPromptfooOutput(file: string, cases: number): void {
  const output = JSON.parse(readFileSync(file, 'utf8')) as {
    results: { results: { success: boolean; response?: { output?: unknown }; error?: string }[] };
  };
  const rows = output.results.results;
  if (rows.length !== cases) throw new Error(`promptfoo wrote ${rows.length} results for ${cases} cases`);
  const failed = rows.filter((row) => !row.success);
  if (failed.length > 0) throw new Error(`promptfoo: ${failed.length} cases failed: ${failed[0]?.error}`);
  for (const row of [rows[0], rows[Math.floor(rows.length / 2)], rows.at(-1)]) {
    const text = row?.response?.output;
    if (typeof text !== 'string' || typeof JSON.parse(text) !== 'object') {
      throw new Error(`promptfoo's answer is not the sandbox's JSON: ${String(text).slice(0, 80)}`);
    }
  }
}

function countPassed(resultsFile: string): number {
  return readFileSync(resultsFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"status":"passed"')).length;
}

/** One size: promptfoo first, then agentscore, each a fresh CLI process. */
function runBoth(cli: string, sandbox: { baseUrl: string; apiKey: string }, cases: number, work: string) {
  const dir = join(work, String(cases));
  mkdirSync(dir, { recursive: true });
  const config = writePromptfooConfig(join(dir, 'promptfooconfig.json'), sandbox.baseUrl);
  const output = join(dir, 'promptfoo-results.json');
  const promptfooEnv = {
    ...process.env,
    OPENAI_API_KEY: sandbox.apiKey,
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_CONFIG_DIR: join(dir, 'promptfoo-home'),
  };
  const promptfooArgs = [
    ...['eval', '-c', config, '-j', String(CONCURRENCY), '--repeat', String(cases)],
    ...['--no-cache', '--no-table', '--no-progress-bar', '-o', output],
  ];
  let start = process.hrtime.bigint();
  runCli(cli, promptfooArgs, promptfooEnv);
  const promptfooSeconds = seconds(start);
  checkPromptfooOutput(output, cases);

  const suitesDir = writeAgentscoreSuite(join(dir, 'suites'), cases);
  const runDir = join(dir, 'agentscore-run');
  const agentscoreArgs = [
    BIN,
    'run',
    ...['--provider', 'openai-compatible', '--base-url', sandbox.baseUrl, '--model', CASE_MODEL],
    ...['--api-key-env', 'BENCH_SANDBOX_KEY', '--suites-dir', suitesDir, '--out', runDir],
    ...['--concurrency', String(CONCURRENCY)],
  ];
  start = process.hrtime.bigint();
  runCli(process.execPath, agentscoreArgs, { ...process.env, BENCH_SANDBOX_KEY: sandbox.apiKey });
  const agentscoreSeconds = seconds(start);
  const passed = countPassed(join(runDir, 'results.jsonl'));
  if (passed !== cases) throw new Error(`agentscore: ${passed} of ${cases} cases passed`);
  return { promptfooSeconds, agentscoreSeconds };
}

/** Wall seconds of both tools per size, or why the comparison was skipped. */
export async function measurePeer(sizes: number[]): Promise<{ rows: PeerRow[] } | { skipped: string }> {
  const installed = installPromptfoo();
  if ('skipped' in installed) return installed;
  const work = mkdtempSync(join(tmpdir(), 'agentscore-bench-peer-'));
  const sandbox = await startChildSandbox('fast');
  try {
    // One untimed small round of each fills the file cache and the sandbox's JIT.
    runBoth(installed.cli, sandbox, 5, work);
    const rows: PeerRow[] = [];
    for (const cases of sizes) {
      process.stderr.write(`  ${cases} cases...\n`);
      const { promptfooSeconds, agentscoreSeconds } = runBoth(installed.cli, sandbox, cases, work);
      rows.push({ cases, promptfooSeconds, agentscoreSeconds, ratio: promptfooSeconds / agentscoreSeconds });
    }
    return { rows };
  } finally {
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// `node bin/run-ts.js bench/peer-promptfoo.ts [N...]`: this comparison alone.
if (process.argv[1] && join(process.cwd(), process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  const measured = await measurePeer(sizes.length > 0 ? sizes : [1, 200]);
  process.stdout.write(`${JSON.stringify(measured, null, 2)}\n`);
}
