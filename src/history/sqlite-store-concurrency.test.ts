import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WriterData } from './__fixtures__/concurrent-writer-worker.ts';
import { FIXTURE_CHECKS } from './__fixtures__/fixture-runs.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';

const tempDir = useTempDir();

interface WriterOutcome {
  ok: boolean;
  error?: string;
  startedAt?: number;
  finishedAt?: number;
}

// Workers start outside vitest's transformer, so they register tsx before importing the .ts body.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ register }) => { register(); return import(workerData.entry); });
`;
const tsxApi = import.meta.resolve('tsx/esm/api');
const entry = new URL('./__fixtures__/concurrent-writer-worker.ts', import.meta.url).href;

function startWriter(data: WriterData): Promise<WriterOutcome> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { ...data, tsxApi, entry } });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: WriterOutcome) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('concurrent writers', () => {
  it('three worker threads create, migrate and fill one new file at once without SQLITE_BUSY', async () => {
    const file = join(tempDir(), 'history.sqlite');
    const gate = new SharedArrayBuffer(4);
    const runs = 40;
    const latencySamples = 200;
    const writers = ['alpha', 'beta', 'gamma'].map((writer) =>
      startWriter({ file, writer, runs, latencySamples, gate }),
    );
    // Give the threads time to load and block on the gate, then release them together.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const outcomes = await Promise.all(writers);
    expect(outcomes.map((outcome) => outcome.error ?? 'ok')).toEqual(['ok', 'ok', 'ok']);
    // The writers really overlapped in time (otherwise this test would prove nothing about locking).
    const latestStart = Math.max(...outcomes.map((outcome) => outcome.startedAt!));
    const earliestEnd = Math.min(...outcomes.map((outcome) => outcome.finishedAt!));
    expect(latestStart).toBeLessThan(earliestEnd);

    const database = new Database(file, { readonly: true });
    const count = (sql: string) => database.prepare(sql).pluck().get() as number;
    const perRun = latencySamples + Object.keys(FIXTURE_CHECKS).length;
    expect(count('SELECT COUNT(*) FROM runs')).toBe(3 * runs);
    expect(count('SELECT COUNT(*) FROM probe_results')).toBe(3 * runs * perRun);
    expect(count("SELECT COUNT(*) FROM runs WHERE name = 'beta'")).toBe(runs);
    expect(database.prepare('SELECT version FROM agentscore_migrations').pluck().all()).toEqual([1, 2, 3, 4]);
    database.close();
  });
});
