/** @module Worker-thread body for the concurrent-writer test: its own connection, many runs, one go signal. */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteHistoryStore } from '../sqlite-store.ts';
import { fixtureRun } from './fixture-runs.ts';

export interface WriterData {
  file: string;
  writer: string;
  runs: number;
  latencySamples: number;
  /** Int32Array over a SharedArrayBuffer; writers wait until index 0 becomes 1. */
  gate: SharedArrayBuffer;
}

const data = workerData as WriterData;
const gate = new Int32Array(data.gate);
Atomics.wait(gate, 0, 0);
try {
  const startedAt = Date.now();
  const store = openSqliteHistoryStore(data.file);
  for (let index = 0; index < data.runs; index++) {
    const runId = `${data.writer}-${index}`;
    const startedAt = new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString();
    const run = fixtureRun({
      runId,
      name: data.writer,
      startedAt,
      latencySamples: data.latencySamples,
      latencySeed: index,
    });
    store.saveRun({ runId, name: data.writer, runDir: `reports/${runId}`, ...run });
  }
  store.close();
  parentPort?.postMessage({ ok: true, startedAt, finishedAt: Date.now() });
} catch (error) {
  // The SQLite code (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, ...) says which lock race a failure was.
  const { name, message, code } = error as Error & { code?: string };
  parentPort?.postMessage({ ok: false, error: `${name}${code ? ` ${code}` : ''}: ${message}` });
}
