/**
 * `demo` takes the run options: a suite folder of one's own, record then replay offline, gates.
 * Small plans (one or two suites) so each demo takes seconds.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'agentscore-demo-options-'));
const SUITES = fileURLToPath(new URL('../../suites/', import.meta.url));
const card = (dir: string) => JSON.parse(readFileSync(join(dir, 'scorecard.json'), 'utf8')) as Scorecard;

describe('agentscore demo with run options (real CLI, real sandbox)', () => {
  it('records a cassette, then replays it to the same scorecard', async () => {
    const cassette = join(root, 'cassette');
    const recorded = await runCli([
      'demo',
      '--suite',
      'auth,errors',
      '--record',
      cassette,
      '--out',
      join(root, 'live'),
    ]);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(existsSync(cassette)).toBe(true);
    const replayed = await runCli([
      'demo',
      '--suite',
      'auth,errors',
      '--replay',
      cassette,
      '--out',
      join(root, 'replay'),
    ]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(card(join(root, 'replay')).scores).toEqual(card(join(root, 'live')).scores);
    expect(card(join(root, 'replay')).probes).toEqual(card(join(root, 'live')).probes);
  }, 120_000);

  it('runs the suites of --suites-dir only, and exits 1 under --fail-under', async () => {
    const suites = join(root, 'suites');
    mkdirSync(suites);
    cpSync(join(SUITES, 'auth.yaml'), join(suites, 'auth.yaml'));
    const out = join(root, 'own-suites');
    const run = await runCli(['demo', '--suites-dir', suites, '--out', out, '--fail-under', 'security=99']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('security');
    const suitesRun = new Set(
      readFileSync(join(out, 'results.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { suite: string }).suite),
    );
    expect([...suitesRun]).toEqual(['auth']);
  }, 120_000);

  it('refuses --shard and --resume, which a fresh sandbox cannot honour (exit 2)', async () => {
    for (const flag of [['--shard', '1/2'], ['--resume']]) {
      const run = await runCli(['demo', ...flag]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`unknown option ${flag[0]}`);
    }
  }, 30_000);
});
