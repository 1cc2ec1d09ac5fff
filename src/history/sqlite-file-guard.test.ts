import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { HistoryStoreError, type HistoryStoreErrorCode } from './history-store-error.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS_TABLE } from './migrations.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Opening must throw the given code, name the file, and leave it (and its directory) untouched. */
function expectRefused(file: string, code: HistoryStoreErrorCode): HistoryStoreError {
  const directory = join(file, '..');
  const before = { hash: sha256(file), entries: readdirSync(directory).sort() };
  let caught: unknown;
  try {
    openSqliteHistoryStore(file).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(HistoryStoreError);
  const error = caught as HistoryStoreError;
  expect(error.code).toBe(code);
  expect(error.file).toBe(file);
  expect(error.message).toContain(file);
  expect({ hash: sha256(file), entries: readdirSync(directory).sort() }).toEqual(before);
  return error;
}

describe('opening a file that is not our history database', () => {
  it('refuses random bytes', () => {
    const file = join(tempDir(), 'history.sqlite');
    writeFileSync(file, randomBytes(8192));
    expectRefused(file, 'HISTORY_NOT_SQLITE');
  });

  it('refuses a text file', () => {
    const file = join(tempDir(), 'history.sqlite');
    writeFileSync(file, 'name,score\nmistral,83\n');
    expect(expectRefused(file, 'HISTORY_NOT_SQLITE').message).toMatch(/not a SQLite file/);
  });

  it('refuses a SQLite header followed by garbage as corrupt', () => {
    const file = join(tempDir(), 'history.sqlite');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]));
    expectRefused(file, 'HISTORY_CORRUPT');
  });

  it("refuses another application's SQLite database", () => {
    const file = join(tempDir(), 'history.sqlite');
    const foreign = new Database(file);
    foreign.exec(
      "CREATE TABLE schema_migrations (version TEXT); CREATE TABLE users (id INTEGER, email TEXT); INSERT INTO users VALUES (1, 'a@b.c');",
    );
    foreign.close();
    expect(expectRefused(file, 'HISTORY_FOREIGN_DB').message).toMatch(/another application/);
  });

  it("refuses another application's SQLite database in WAL mode without leaving side files", () => {
    const file = join(tempDir(), 'app.db');
    const foreign = new Database(file);
    foreign.pragma('journal_mode = WAL');
    foreign.exec('CREATE TABLE notes (id INTEGER, body TEXT)');
    foreign.close();
    expectRefused(file, 'HISTORY_FOREIGN_DB');
  });

  it('refuses a history database written by a newer schema', () => {
    const file = join(tempDir(), 'history.sqlite');
    openSqliteHistoryStore(file).close();
    const database = new Database(file);
    database
      .prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, description, applied_at) VALUES (?, 'future', 'x')`)
      .run(LATEST_SCHEMA_VERSION + 1);
    database.close();
    expect(expectRefused(file, 'HISTORY_SCHEMA_TOO_NEW').message).toContain(
      String(LATEST_SCHEMA_VERSION + 1),
    );
  });

  it('refuses a directory', () => {
    const directory = tempDir();
    expect(() => openSqliteHistoryStore(directory)).toThrow(
      expect.objectContaining({ code: 'HISTORY_NOT_A_FILE' }),
    );
  });

  it('initialises an empty file and an empty SQLite database', () => {
    const emptyFile = join(tempDir(), 'empty.sqlite');
    writeFileSync(emptyFile, '');
    openSqliteHistoryStore(emptyFile).close();
    const emptyDatabase = join(tempDir(), 'blank.sqlite');
    const blank = new Database(emptyDatabase);
    blank.pragma('user_version = 0');
    blank.exec('VACUUM');
    blank.close();
    const store = openSqliteHistoryStore(emptyDatabase);
    expect(store.latestRuns('x', 1)).toEqual([]);
    store.close();
  });
});
