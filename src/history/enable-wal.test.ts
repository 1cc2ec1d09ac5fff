import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();

// Another process's writer: takes the write lock, reports it, and commits 300 ms after the release signal.
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file);
database.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
const gate = new Int32Array(workerData.gate);
Atomics.wait(gate, 0, 0, 10000);
Atomics.wait(gate, 1, 0, 300);
database.exec('COMMIT');
database.close();
parentPort.postMessage('released');
`;

function holdWriteLock(file: string, gate: SharedArrayBuffer): Promise<Worker> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(HOLDER, { eval: true, workerData: { file, gate, driver } });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

describe('enableWal', () => {
  it('waits out a writer that holds the lock while a new history file is switched to WAL', async () => {
    const file = join(tempDir(), 'history.sqlite');
    writeFileSync(file, '');
    const gate = new SharedArrayBuffer(8);
    const holder = await holdWriteLock(file, gate);
    const released = new Promise((resolve) => holder.once('message', resolve));

    // SQLite itself fails the switch at once, busy timeout or not: this is what the store must survive.
    const bare = new Database(file, { timeout: 5000 });
    const startedAt = Date.now();
    expect(() => bare.pragma('journal_mode = WAL')).toThrow(/database is locked/);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    bare.close();

    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const store = openSqliteHistoryStore(file);
    store.close();
    await released;
    await holder.terminate();

    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(check.prepare('SELECT MAX(version) FROM agentscore_migrations').pluck().get()).toBeGreaterThan(0);
    check.close();
  });
});
