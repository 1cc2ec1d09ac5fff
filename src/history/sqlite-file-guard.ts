/**
 * @module Decides whether an existing file may be opened as our history database, without writing
 * to it: header bytes first, then a read-only look at its tables and schema version.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { HistoryStoreError } from './history-store-error.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS_TABLE } from './migrations.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileInspection =
  | { state: 'missing' }
  /** An empty file or a SQLite database without any table: safe to initialise. */
  | { state: 'empty' }
  | { state: 'ours'; schemaVersion: number };

/** Throws HistoryStoreError for anything that is not ours (or empty); never modifies the file. */
export function inspectHistoryFile(file: string): FileInspection {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      throw new HistoryStoreError(
        'HISTORY_NOT_A_FILE',
        file,
        `History database ${file} is not a regular file.`,
      );
    }
    size = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (size === 0) return { state: 'empty' };
  if (!hasSqliteHeader(file)) {
    throw new HistoryStoreError(
      'HISTORY_NOT_SQLITE',
      file,
      `History database ${file} is not a SQLite file (wrong header); refusing to open or overwrite it. ` +
        'Pass another --db path or move the file away.',
    );
  }
  return inspectTables(file);
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const descriptor = openSync(file, 'r');
  try {
    const read = readSync(descriptor, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * A read-only connection to a WAL-mode database creates `-wal`/`-shm` beside it (better-sqlite3 is
 * built without URI support, so `immutable=1` is unavailable). When we refuse a file, we remove the
 * side files that did not exist before we looked, so a foreign file's directory is left as it was.
 */
function inspectTables(file: string): FileInspection {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  try {
    return readTables(file);
  } catch (error) {
    for (const path of sideFiles) rmSync(path, { force: true });
    throw error;
  }
}

function readTables(file: string): FileInspection {
  let database: Database.Database | undefined;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    if (tables.length === 0) return { state: 'empty' };
    if (!tables.includes(MIGRATIONS_TABLE)) {
      throw new HistoryStoreError(
        'HISTORY_FOREIGN_DB',
        file,
        `${file} is a SQLite database of another application (no ${MIGRATIONS_TABLE} table; ` +
          `found ${tables.slice(0, 5).join(', ')}); refusing to modify it.`,
      );
    }
    const version = (database.prepare(`SELECT MAX(version) FROM ${MIGRATIONS_TABLE}`).pluck().get() ??
      0) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new HistoryStoreError(
        'HISTORY_SCHEMA_TOO_NEW',
        file,
        `History database ${file} has schema version ${version}, newer than this agentscore supports ` +
          `(${LATEST_SCHEMA_VERSION}); upgrade agentscore to use it.`,
      );
    }
    return { state: 'ours', schemaVersion: version };
  } catch (error) {
    if (error instanceof HistoryStoreError) throw error;
    throw new HistoryStoreError(
      'HISTORY_CORRUPT',
      file,
      `History database ${file} has a SQLite header but cannot be read (${(error as Error).message}); ` +
        'it was left untouched.',
      { cause: error },
    );
  } finally {
    database?.close();
  }
}
