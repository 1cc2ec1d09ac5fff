/** @module Tests for run-folder.ts: one run per folder, resume of the same plan only, versioned readers. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../spec/target.ts';
import { ResultsFileError } from './results-file.ts';
import { prepareRunFolder, RunFolderError, readScorecard } from './run-folder.ts';
import type { RunManifest } from './run-manifest.ts';

const target: Target = {
  name: 't',
  provider: 'mistral',
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
  apiKeyEnv: 'K',
};

function folderWithRun(startedAt = '2026-11-26T10:00:00.000Z'): { root: string; runDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'agentscore-folder-'));
  const runDir = join(root, 'out');
  mkdirSync(runDir);
  const manifest: RunManifest = {
    schemaVersion: 1,
    runId: 'r1',
    harnessVersion: '0',
    target,
    startedAt,
    finishedAt: null,
    complete: false,
    suites: ['auth'],
    shard: null,
    planned: 1,
  };
  writeFileSync(join(runDir, 'run.json'), JSON.stringify(manifest));
  writeFileSync(join(runDir, 'results.jsonl'), '');
  return { root, runDir };
}

const plan = { resume: false, target, suites: ['auth'], cwd: tmpdir() };

describe('prepareRunFolder', () => {
  it('moves an earlier run aside to <out>.previous-<startedAt>, keeping older ones', () => {
    const { root, runDir } = folderWithRun();
    const first = prepareRunFolder({ ...plan, runDir });
    expect(first.movedTo).toBe(join(root, 'out.previous-2026-11-26T10-00-00-000Z'));
    expect(existsSync(join(first.movedTo!, 'run.json'))).toBe(true);
    expect(readdirSync(runDir)).toEqual([]);
    writeFileSync(join(runDir, 'run.json'), readFileSync(join(first.movedTo!, 'run.json')));
    const second = prepareRunFolder({ ...plan, runDir });
    expect(second.movedTo).toBe(join(root, 'out.previous-2026-11-26T10-00-00-000Z-2'));
    expect(readdirSync(root).sort()).toEqual([
      'out',
      'out.previous-2026-11-26T10-00-00-000Z',
      'out.previous-2026-11-26T10-00-00-000Z-2',
    ]);
  });

  it('leaves an empty or missing folder alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'agentscore-folder-'));
    expect(prepareRunFolder({ ...plan, runDir: join(root, 'new') }).movedTo).toBeNull();
  });

  it('resumes only the same target and plan, and says what differs', () => {
    const { runDir } = folderWithRun();
    expect(prepareRunFolder({ ...plan, runDir, resume: true }).resumed?.runId).toBe('r1');
    expect(() =>
      prepareRunFolder({
        ...plan,
        runDir,
        resume: true,
        target: { ...target, model: 'x' },
        suites: ['errors'],
        shard: { index: 1, count: 2 },
      }),
    ).toThrow('target model was "m", now "x"; suites were [auth], now [errors]; shard was none, now 1/2');
    expect(existsSync(join(runDir, 'run.json'))).toBe(true);
  });

  it('never moves a folder that holds the working directory or a cassette being replayed', () => {
    const { root, runDir } = folderWithRun();
    expect(() => prepareRunFolder({ ...plan, runDir, cwd: join(runDir) })).toThrow(RunFolderError);
    expect(() => prepareRunFolder({ ...plan, runDir, keep: [join(runDir, 'cassette')] })).toThrow(
      'lies inside',
    );
    expect(readdirSync(root)).toEqual(['out']);
  });
});

describe('readScorecard', () => {
  it('names the file for another schemaVersion', () => {
    const { runDir } = folderWithRun();
    writeFileSync(join(runDir, 'scorecard.json'), JSON.stringify({ schemaVersion: 99 }));
    expect(() => readScorecard(runDir)).toThrow(ResultsFileError);
    expect(() => readScorecard(runDir)).toThrow(
      `${join(runDir, 'scorecard.json')}: scorecard schemaVersion 99 is not supported (this agentscore reads 1; it was written by a newer agentscore: upgrade agentscore to read it)`,
    );
    writeFileSync(join(runDir, 'scorecard.json'), '{"schemaVersion": 1');
    expect(() => readScorecard(runDir)).toThrow(
      `${join(runDir, 'scorecard.json')}: not a readable scorecard`,
    );
  });
});
