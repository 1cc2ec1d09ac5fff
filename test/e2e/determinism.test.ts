/**
 * Same target, same plan, same scores: five consecutive faithful demo runs (real CLI, real sandbox
 * over loopback, fresh run folders) give identical category and component scores. When they do
 * not, the failure names the checks whose verdicts moved, which is where the variation came from.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const RUNS = 5;

/** `category` and `category.component` → score, for every category and component. */
function scoresOf(card: Scorecard): Record<string, number | null> {
  const scores: Record<string, number | null> = {};
  for (const [category, block] of Object.entries(card.scores)) {
    scores[category] = block.score;
    for (const [name, component] of Object.entries(block.components))
      scores[`${category}.${name}`] = component?.score ?? null;
  }
  return scores;
}

/** `suite/probe#repetition check` → verdict, to explain a difference in scores. */
function verdictsOf(results: ProbeResult[]): Map<string, string> {
  const verdicts = new Map<string, string>();
  for (const result of results) {
    const probe = `${result.suite}/${result.probe}#${result.repetition}`;
    verdicts.set(probe, `${result.status}${result.reason ? ` (${result.reason})` : ''}`);
    for (const check of result.checks)
      verdicts.set(`${probe} ${check.id}`, `${String(check.passed)}: ${check.detail}`);
  }
  return verdicts;
}

function differences(base: Map<string, string>, other: Map<string, string>): string[] {
  const keys = new Set([...base.keys(), ...other.keys()]);
  return [...keys]
    .filter((key) => base.get(key)?.split(':')[0] !== other.get(key)?.split(':')[0])
    .map((key) => `${key}: ${base.get(key) ?? 'absent'} → ${other.get(key) ?? 'absent'}`);
}

describe('determinism (five faithful demo runs)', () => {
  it('gives identical category and component scores every time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'agentscore-determinism-'));
    const runs: { scores: Record<string, number | null>; verdicts: Map<string, string> }[] = [];
    for (let index = 1; index <= RUNS; index += 1) {
      const out = join(root, `run-${index}`);
      const run = await runCli(['demo', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
      const results = readFileSync(join(out, 'results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ProbeResult);
      runs.push({ scores: scoresOf(card), verdicts: verdictsOf(results) });
    }
    const [first, ...rest] = runs;
    expect(Object.values(first?.scores ?? {}).some((score) => score !== null)).toBe(true);
    for (const [offset, run] of rest.entries()) {
      const moved = differences(first!.verdicts, run.verdicts);
      expect(run.scores, `run ${offset + 2} differs from run 1:\n${moved.join('\n')}`).toEqual(first?.scores);
    }
  }, 600_000);
});
