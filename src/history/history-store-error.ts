/** @module The one error class the history store throws, with a stable `code`. */

export type HistoryStoreErrorCode =
  /** The file exists but does not start with the SQLite header. */
  | 'HISTORY_NOT_SQLITE'
  /** The file has a SQLite header but cannot be read as a database. */
  | 'HISTORY_CORRUPT'
  /** A valid SQLite database that belongs to another application (no agentscore marker table). */
  | 'HISTORY_FOREIGN_DB'
  /** Written by a newer agentscore; opening it with this version could damage it. */
  | 'HISTORY_SCHEMA_TOO_NEW'
  /** The path exists but is not a regular file (a directory, a socket, ...). */
  | 'HISTORY_NOT_A_FILE'
  /** The PostgreSQL server cannot be reached, refused the login, or has no such database. */
  | 'HISTORY_UNREACHABLE';

export class HistoryStoreError extends Error {
  override readonly name = 'HistoryStoreError';
  readonly code: HistoryStoreErrorCode;
  /** The database file the error is about, or the PostgreSQL URL with its password masked. */
  readonly file: string;

  constructor(code: HistoryStoreErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.file = file;
  }
}
