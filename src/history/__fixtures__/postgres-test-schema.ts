/**
 * @module PostgreSQL for tests: the server from AGENTSCORE_TEST_PG_URL, one fresh schema per test
 * (dropped afterwards), and the skip-or-fail rule (AGENTSCORE_REQUIRE_PG=1 makes a missing server fatal).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach } from 'vitest';

export const TEST_PG_URL = process.env.AGENTSCORE_TEST_PG_URL ?? '';
const REQUIRED = process.env.AGENTSCORE_REQUIRE_PG === '1';
export const SKIP_MESSAGE = 'PostgreSQL tests skipped: set AGENTSCORE_TEST_PG_URL (CI starts a server)';

/**
 * Whether PostgreSQL tests run here. Unset → skip with a printed notice, unless AGENTSCORE_REQUIRE_PG=1,
 * which throws (fails the test file loudly). Reachability is checked by the first schema creation.
 */
export function postgresTestsEnabled(): boolean {
  if (TEST_PG_URL !== '') return true;
  if (REQUIRED)
    throw new Error(
      'AGENTSCORE_REQUIRE_PG=1 but AGENTSCORE_TEST_PG_URL is unset: the PostgreSQL tests must run here (.ci/run starts a server)',
    );
  console.warn(SKIP_MESSAGE);
  return false;
}

/** `url` with `search_path` pointing at `schema`, so every connection of a pool lands in it. */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Runs SQL on the test server's default schema, with its own short-lived connection. */
export async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
  url = TEST_PG_URL,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach the test PostgreSQL (AGENTSCORE_TEST_PG_URL): ${(error as Error).message}`);
  }
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Per-test schemas: call the returned function for a fresh schema's URL; dropped after each test. */
export function useTestSchema(): () => Promise<{ url: string; schema: string }> {
  const created: string[] = [];
  afterEach(async () => {
    for (const schema of created.splice(0)) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  return async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE SCHEMA ${schema}`);
    created.push(schema);
    return { url: urlWithSchema(TEST_PG_URL, schema), schema };
  };
}
