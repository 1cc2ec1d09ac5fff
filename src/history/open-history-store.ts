/** @module Opens the history store a `--db` value names: a PostgreSQL URL or a SQLite file. */
import { resolve } from 'node:path';
import type { HistoryStore } from './history-store.ts';
import { isPostgresUrl } from './postgres-url.ts';

export { isPostgresUrl, redactPostgresUrl } from './postgres-url.ts';

/** A `--db` value as a location: URLs unchanged, file paths resolved against `cwd`. */
export function historyLocation(cwd: string, value: string): string {
  return isPostgresUrl(value) ? value : resolve(cwd, value);
}

/**
 * `postgres://` or `postgresql://` URLs open the shared PostgreSQL store; anything else is a SQLite
 * file path (see historyLocation). Each driver loads only when used.
 */
export async function openHistoryStore(location: string): Promise<HistoryStore> {
  if (isPostgresUrl(location)) {
    const { openPostgresHistoryStore } = await import('./postgres-store.ts');
    return openPostgresHistoryStore(location);
  }
  const { openSqliteHistoryStore } = await import('./sqlite-store.ts');
  return openSqliteHistoryStore(location);
}
