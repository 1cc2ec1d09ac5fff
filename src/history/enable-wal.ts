/** @module Switches a SQLite connection to WAL, waiting out the lock race SQLite's busy handler skips. */
import type Database from 'better-sqlite3';

/**
 * `PRAGMA journal_mode = WAL` on a file still in rollback mode first reads the header, then upgrades
 * to a write to set the WAL flag. SQLite never calls the busy handler for that upgrade (it could
 * deadlock), so while another process holds the write lock — two nightly jobs creating one history
 * file at once — the pragma fails at once with SQLITE_BUSY whatever the busy timeout. We retry it,
 * with a growing pause, until `timeoutMs` has passed.
 */
export function enableWal(database: Database.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      database.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() + pauseMs > deadline) throw error;
      sleepSync(pauseMs);
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** The store's API is synchronous (better-sqlite3), so the pause blocks this thread only. */
function sleepSync(milliseconds: number): void {
  Atomics.wait(pause, 0, 0, milliseconds);
}
