import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeResult } from '../scoring/test-support.ts';
import { closeRunFolder, openRunFolder } from './open-run-folder.ts';
import { planProbes } from './plan-probes.ts';
import { ResultsWriter } from './results-file.ts';

const target = {
  name: 't',
  provider: 'openai-compatible' as const,
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'm',
  apiKeyEnv: 'TEST_KEY',
};
const plan = planProbes([
  {
    id: 's',
    title: 'S',
    description: '',
    probes: [
      { id: 'a', kind: 'http' },
      { id: 'b', kind: 'http', repeat: 2 },
    ],
  },
]);

describe('openRunFolder', () => {
  it('starts a fresh run with everything pending and writes run.json', async () => {
    const runDir = join(mkdtempSync(join(tmpdir(), 'agentscore-open-')), 'run');
    const opened = await openRunFolder({ runDir, target, plan });
    expect(opened.earlier).toEqual([]);
    expect(opened.pending.map((item) => item.key)).toEqual(['s/a#1', 's/b#1', 's/b#2']);
    const written = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(written).toMatchObject({
      runId: opened.manifest.runId,
      planned: 3,
      complete: false,
      suites: ['s'],
    });
  });

  it('on resume keeps the run id and start, and leaves only probes without a result pending', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'agentscore-resume-'));
    const first = await openRunFolder({ runDir, target, plan });
    const writer = new ResultsWriter(first.resultsFile, (text) => text);
    writer.append(makeResult({ runId: first.manifest.runId, suite: 's', probe: 'b', repetition: 1 }));
    writer.close();
    closeRunFolder(runDir, first.manifest, { interrupted: true, results: 1 });
    const resumed = await openRunFolder({ runDir, target, plan, resume: true });
    expect(resumed.manifest.runId).toBe(first.manifest.runId);
    expect(resumed.manifest.startedAt).toBe(first.manifest.startedAt);
    expect(resumed.earlier).toHaveLength(1);
    expect(resumed.pending.map((item) => item.key)).toEqual(['s/a#1', 's/b#2']);
  });

  it('closes a run as complete only when not interrupted and every planned probe has a result', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'agentscore-close-'));
    const { manifest } = await openRunFolder({ runDir, target, plan });
    closeRunFolder(runDir, manifest, { interrupted: false, results: 2 });
    expect(manifest.complete).toBe(false);
    closeRunFolder(runDir, manifest, { interrupted: true, results: 3 });
    expect(manifest.complete).toBe(false);
    closeRunFolder(runDir, manifest, { interrupted: false, results: 3 });
    const written = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(written.complete).toBe(true);
    expect(written.finishedAt).not.toBeNull();
  });
});
