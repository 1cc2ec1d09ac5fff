/**
 * Past one machine, run the way the engines run it: three shard processes of the real CLI started
 * side by side against one sandbox, each knowing only what a Kubernetes Indexed Job
 * (`JOB_COMPLETION_INDEX`) or a GitHub Actions matrix (`AGENTSCORE_SHARD_INDEX`) tells it, then the
 * merge with `agentscore score`. The merged scorecard must equal the single-process one. The two
 * example files in examples/ must parse and call only commands and flags that exist.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { type SpawnedSandbox, spawnSandbox } from '../../src/cli/spawn-sandbox.ts';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { type CliRun, runCli } from './run-cli.ts';

const SHARDS = 3;
/** GitHub expressions, written as in the workflow. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
const GITHUB_JOB_INDEX = '${{ strategy.job-index }}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
const GITHUB_JOB_TOTAL = '${{ strategy.job-total }}';
const root = mkdtempSync(join(tmpdir(), 'agentscore-shard-engines-'));
let sandbox: SpawnedSandbox;

beforeAll(async () => {
  // Shards run side by side here, so with the faithful rate limit one shard's burst would drain the
  // bucket the others' probes still draw on (429s a single run never meets): a rate limit no run reaches.
  sandbox = await spawnSandbox('fast');
}, 60_000);
afterAll(async () => {
  await sandbox?.stop();
});

/** The demo's target, as `run` flags: the faithful sandbox with its attested profile and MCP. */
function targetFlags(): string[] {
  return [
    ...['--provider', 'mistral', '--base-url', sandbox.baseUrl, '--model', 'mistral-small-latest'],
    ...['--api-key-env', 'SHARD_TEST_KEY', '--profile', 'sandbox', '--mcp-url', `${sandbox.url}/mcp`],
    ...['--name', 'shard-engines'],
  ];
}

function evaluate(out: string, extraArgs: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return runCli(['run', ...targetFlags(), ...extraArgs, '--out', out], {
    SHARD_TEST_KEY: sandbox.apiKey,
    // The test runner's own environment must not pick the shard.
    JOB_COMPLETION_INDEX: '',
    AGENTSCORE_SHARD_INDEX: '',
    AGENTSCORE_SHARD_TOTAL: '',
    ...env,
  });
}

/** `category` and `category.component` → score. */
function scoresOf(card: Scorecard): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const [category, block] of Object.entries(card.scores)) {
    scores[category] = block.score;
    for (const [name, component] of Object.entries(block.components))
      scores[`${category}.${name}`] = component?.score ?? null;
  }
  return scores;
}

function readCard(dir: string): Scorecard {
  return JSON.parse(readFileSync(join(dir, 'scorecard.json'), 'utf8')) as Scorecard;
}

function verdicts(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs)
    for (const line of readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n')) {
      const result = JSON.parse(line) as ProbeResult;
      found.set(`${result.suite}/${result.probe}#${result.repetition}`, result.status);
    }
  return found;
}

/** Runs the shards side by side with each one's environment, merges, returns the merged folder. */
async function shardAndMerge(name: string, args: string[], envFor: (index: number) => NodeJS.ProcessEnv) {
  const dirs = Array.from({ length: SHARDS }, (_, index) => join(root, `${name}-${index}`));
  const runs = await Promise.all(dirs.map((dir, index) => evaluate(dir, args, envFor(index))));
  for (const [index, run] of runs.entries()) expect(run.code, `shard ${index}: ${run.stderr}`).toBe(0);
  const shards = dirs.map((dir) => readCard(dir).probes.total);
  const [first, ...rest] = dirs as [string, ...string[]];
  const merge = await runCli(['score', first, ...rest.map((dir) => join(dir, 'results.jsonl'))]);
  expect(merge.code, merge.stderr).toBe(0);
  return { merged: first, dirs, shards };
}

describe('sharded run driven by the engines’ variables (real CLI, real sandbox)', () => {
  let single: string;

  beforeAll(async () => {
    single = join(root, 'single');
    const run = await evaluate(single, [], {});
    expect(run.code, run.stderr).toBe(0);
  }, 240_000);

  it('Kubernetes Indexed Job: --shard auto/3 with JOB_COMPLETION_INDEX=0..2 merges to the single run', async () => {
    const { merged, dirs, shards } = await shardAndMerge('k8s', ['--shard', `auto/${SHARDS}`], (index) => ({
      JOB_COMPLETION_INDEX: String(index),
    }));
    const whole = readCard(single);
    // Each process ran a real slice, and the slices partition the plan.
    expect(shards.every((total) => total > 0 && total < whole.probes.total)).toBe(true);
    expect(shards.reduce((sum, total) => sum + total, 0)).toBe(whole.probes.total);
    for (const [index, dir] of dirs.entries())
      expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).shard).toBe(`${index + 1}/${SHARDS}`);
    const card = readCard(merged);
    const moved = [...verdicts([single])].filter(([key, status]) => verdicts(dirs).get(key) !== status);
    expect(scoresOf(card), `verdicts that differ: ${moved.join(', ')}`).toEqual(scoresOf(whole));
    expect(card.probes).toEqual(whole.probes);
    expect(Object.values(scoresOf(card)).some((score) => score !== null)).toBe(true);

    // The merge job then files the merged run in the shared history (SQLite here, the same store contract).
    const db = join(root, 'history.sqlite');
    const extra = dirs.slice(1).map((dir) => join(dir, 'results.jsonl'));
    const stored = await runCli(['store', merged, ...extra, '--name', 'sharded', '--db', db]);
    expect(stored.code, stored.stderr).toBe(0);
    expect(stored.stdout).toContain(`(${whole.probes.total} results) as "sharded"`);
    const history = await runCli(['history', '--name', 'sharded', '--db', db]);
    expect(history.code, history.stderr).toBe(0);
    const row = history.stdout.split('\n').find((line) => /^\d{4}-\d\d-\d\d /.test(line));
    const headline = (['agentFriendliness', 'security', 'reliability', 'dataProtection'] as const).map((id) =>
      String(whole.scores[id].score ?? '--'),
    );
    expect(row?.split(/\s+/).slice(3, 7)).toEqual(headline);
  }, 300_000);

  it('GitHub matrix: AGENTSCORE_SHARD_INDEX and AGENTSCORE_SHARD_TOTAL, no flag, merge to the single run', async () => {
    const { merged } = await shardAndMerge('github', [], (index) => ({
      AGENTSCORE_SHARD_INDEX: String(index),
      AGENTSCORE_SHARD_TOTAL: String(SHARDS),
    }));
    expect(scoresOf(readCard(merged))).toEqual(scoresOf(readCard(single)));
    expect(readCard(merged).probes).toEqual(readCard(single).probes);
  }, 300_000);

  it('refuses an index outside the total before any request (exit 2)', async () => {
    const run = await evaluate(join(root, 'outside'), ['--shard', 'auto/3'], { JOB_COMPLETION_INDEX: '3' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('JOB_COMPLETION_INDEX=3 is outside 3 shards');
  }, 60_000);
});

describe('the engine examples', () => {
  const example = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8');

  /** Every `npx agentscore COMMAND --flag ...` written in a string of the documents. */
  function invocations(documents: unknown[]): { command: string; flags: string[]; line: string }[] {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    documents.forEach(walk);
    return strings
      .flatMap((text) => text.split('\n'))
      .flatMap((line) => {
        const match = /\bnpx agentscore ([a-z-]+)(.*)$/.exec(line);
        return match
          ? [{ command: match[1]!, flags: [...match[2]!.matchAll(/--([a-z-]+)/g)].map((m) => m[1]!), line }]
          : [];
      });
  }

  function parse(name: string): unknown[] {
    const documents = parseAllDocuments(example(name));
    const list = Array.isArray(documents) ? documents : [documents];
    for (const document of list) expect(document.errors, name).toEqual([]);
    return list.map((document) => document.toJS());
  }

  function expectKnown(calls: ReturnType<typeof invocations>): void {
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const command = COMMANDS.find((candidate) => candidate.name === call.command);
      expect(command, call.line).toBeDefined();
      const known = command!.options.map((option) => option.name);
      for (const flag of call.flags) expect(known, `${call.line}: --${flag}`).toContain(flag);
    }
  }

  it('the GitHub workflow parses, shards with auto/job-total and the job index, then merges with score', () => {
    const [workflow] = parse('github-actions-matrix.yml') as [
      { jobs: Record<string, { env?: Record<string, string>; needs?: string }> },
    ];
    const calls = invocations([workflow]);
    expectKnown(calls);
    expect(workflow.jobs.shard?.env?.AGENTSCORE_SHARD_INDEX).toBe(GITHUB_JOB_INDEX);
    expect(calls.find((call) => call.command === 'run')?.line).toContain(`--shard auto/${GITHUB_JOB_TOTAL}`);
    expect(workflow.jobs.merge?.needs).toBe('shard');
    expect(calls.map((call) => call.command)).toContain('score');
    expect(calls.find((call) => call.command === 'store')?.flags).toEqual(['name', 'db']);
  });

  it('the Kubernetes manifest parses: an Indexed Job whose completions equal the shard total, then score', () => {
    const documents = parse('k8s-indexed-job.yaml') as {
      kind: string;
      metadata: { name: string };
      spec: { completionMode?: string; completions?: number };
    }[];
    const calls = invocations(documents);
    expectKnown(calls);
    const shards = documents.find((document) => document.spec.completionMode === 'Indexed');
    expect(shards?.kind).toBe('Job');
    const run = calls.find((call) => call.command === 'run');
    expect(run?.line).toContain(`--shard auto/${shards?.spec.completions}`);
    const merge = calls.find((call) => call.command === 'score');
    // The merge names every shard's folder: shard-0 and one results file per other index.
    for (let index = 0; index < (shards?.spec.completions ?? 0); index += 1)
      expect(merge?.line).toContain(`/results/shard-${index}`);
    expect(calls.find((call) => call.command === 'store')?.flags).toEqual(['name', 'db']);
  });
});
