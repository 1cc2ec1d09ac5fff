import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHistoryStoreContract } from './__fixtures__/history-store-contract.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();

describe('SqliteHistoryStore', () => {
  it('creates the file (and its directory), in WAL mode at the latest schema version', () => {
    const file = join(tempDir(), 'nested', 'history.sqlite');
    const store = openSqliteHistoryStore(file);
    store.close();
    expect(existsSync(file)).toBe(true);
    const again = openSqliteHistoryStore(file);
    again.close();
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  runHistoryStoreContract(async () => openSqliteHistoryStore(join(tempDir(), 'history.sqlite')));
});
