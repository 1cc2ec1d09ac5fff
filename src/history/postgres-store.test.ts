import { describe, expect, it } from 'vitest';
import { FIXTURE_CHECKS, fixtureRun, fixtureScorecard } from './__fixtures__/fixture-runs.ts';
import { runHistoryStoreContract } from './__fixtures__/history-store-contract.ts';
import { adminQuery, postgresTestsEnabled, useTestSchema } from './__fixtures__/postgres-test-schema.ts';
import { V1_SCHEMA } from './__fixtures__/schema-v1.ts';
import { HistoryStoreError } from './history-store-error.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.ts';
import { openHistoryStore } from './open-history-store.ts';
import { openPostgresHistoryStore } from './postgres-store.ts';

describe('PostgresHistoryStore: unreachable server', () => {
  it('reports HISTORY_UNREACHABLE and never prints the password', async () => {
    const url = 'postgres://agentscore:Pw-9xQ7zL2vK@127.0.0.1:1/agentscore';
    const error = await openHistoryStore(url).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HistoryStoreError);
    expect(error).toMatchObject({
      code: 'HISTORY_UNREACHABLE',
      file: 'postgres://agentscore:***@127.0.0.1:1/agentscore',
    });
    expect(String((error as Error).message)).not.toContain('Pw-9xQ7zL2vK');
  });
});

describe.skipIf(!postgresTestsEnabled())(
  'PostgresHistoryStore (real server, a fresh schema per test)',
  () => {
    const freshSchema = useTestSchema();

    const tablesOf = async (schema: string) =>
      (
        await adminQuery<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
          [schema],
        )
      ).map((row) => row.table_name);

    it('creates the schema at the latest version, and opens it again', async () => {
      const { url, schema } = await freshSchema();
      await (await openPostgresHistoryStore(url)).close();
      await (await openHistoryStore(url)).close();
      const versions = await adminQuery<{ version: number }>(
        `SELECT version FROM ${schema}.agentscore_migrations ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
      expect(await tablesOf(schema)).toEqual([
        'agentscore_migrations',
        'component_scores',
        'metrics',
        'monitor_incidents',
        'probe_results',
        'runs',
        'shape_fingerprints',
      ]);
    });

    runHistoryStoreContract(async () => openPostgresHistoryStore((await freshSchema()).url));

    it('upgrades a version-1 schema in place and keeps its data', async () => {
      const { url, schema } = await freshSchema();
      await adminQuery(`SET search_path = ${schema}; ${V1_SCHEMA}`);
      const scorecard = fixtureScorecard({ runId: 'old-run', startedAt: '2024-12-01T00:00:00.000Z' });
      await adminQuery(
        `INSERT INTO ${schema}.runs VALUES ('old-run', 'mistral', $1, 'mistral', 'https://api.mistral.ai', 'm',
        '2024-12-01T00:00:00.000Z', '2024-12-01T00:05:00.000Z', '0.1.0', '2025.1', 1, 62, 83, 82, 74, $2)`,
        [JSON.stringify(scorecard.target), JSON.stringify(scorecard)],
      );
      await adminQuery(
        `INSERT INTO ${schema}.probe_results VALUES ('old-run', 0, 'latency', 'chat-stream', 'chat-stream', 1, 1,
        'passed', NULL, 310.5, 1250, $1, '[]')`,
        [JSON.stringify([{ id: 'stream-done', component: null, passed: true, detail: 'ok' }])],
      );
      await adminQuery(
        `INSERT INTO ${schema}.metrics VALUES ('old-run', 'availability.successRate', 0.97, 200)`,
      );

      const store = await openPostgresHistoryStore(url);
      expect(await store.previousRun('mistral')).toMatchObject({
        runId: 'old-run',
        runDir: null,
        scores: { security: 83, dataProtection: 74 },
      });
      expect((await store.runResults('old-run'))[0]).toMatchObject({
        timings: { startedAt: '2024-12-01T00:00:00.000Z', ttftMs: 310.5, e2eMs: 1250 },
        measurements: {},
        checks: [{ id: 'stream-done', passed: true }],
      });
      expect((await store.trend('mistral', { limit: 5 }))[0]!.availability).toEqual({
        samples: 200,
        successRate: 0.97,
      });
      const next = fixtureRun({
        runId: 'new-run',
        startedAt: '2025-01-01T00:00:00.000Z',
        shapeFingerprint: ['id:string'],
      });
      await store.saveRun({ runId: 'new-run', name: 'mistral', runDir: 'reports/new-run', ...next });
      expect((await store.previousRun('mistral', 'new-run'))?.runId).toBe('old-run');
      await store.close();

      const versions = await adminQuery<{ version: number }>(
        `SELECT version FROM ${schema}.agentscore_migrations ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
      const [fingerprints] = await adminQuery<{ count: string }>(
        `SELECT COUNT(*) FROM ${schema}.shape_fingerprints`,
      );
      expect(fingerprints?.count).toBe('4');
    });

    it("refuses another application's schema and leaves it unchanged", async () => {
      const { url, schema } = await freshSchema();
      await adminQuery(`CREATE TABLE ${schema}.customers (id INTEGER PRIMARY KEY, email TEXT)`);
      await adminQuery(`INSERT INTO ${schema}.customers VALUES (1, 'a@example.com')`);
      await expect(openPostgresHistoryStore(url)).rejects.toMatchObject({ code: 'HISTORY_FOREIGN_DB' });
      expect(await tablesOf(schema)).toEqual(['customers']);
      expect(await adminQuery(`SELECT * FROM ${schema}.customers`)).toEqual([
        { id: 1, email: 'a@example.com' },
      ]);
    });

    it('refuses a schema written by a newer agentscore and leaves it unchanged', async () => {
      const { url, schema } = await freshSchema();
      await (await openPostgresHistoryStore(url)).close();
      const future = LATEST_SCHEMA_VERSION + 1;
      await adminQuery(
        `INSERT INTO ${schema}.agentscore_migrations VALUES ($1, 'from the future', 'later')`,
        [future],
      );
      await expect(openPostgresHistoryStore(url)).rejects.toMatchObject({ code: 'HISTORY_SCHEMA_TOO_NEW' });
      const versions = await adminQuery<{ version: number }>(
        `SELECT version FROM ${schema}.agentscore_migrations ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual([
        ...MIGRATIONS.map((migration) => migration.version),
        future,
      ]);
    });

    it('lets two pools create, migrate and fill one new schema at once', async () => {
      const { url, schema } = await freshSchema();
      const runs = 20;
      const latencySamples = 200;
      const writer = async (name: string) => {
        const store = await openPostgresHistoryStore(url);
        const startedAt = Date.now();
        for (let index = 0; index < runs; index++) {
          const runId = `${name}-${index}`;
          const run = fixtureRun({
            runId,
            name,
            startedAt: new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString(),
            latencySamples,
            latencySeed: index,
          });
          await store.saveRun({ runId, name, runDir: `reports/${runId}`, ...run });
        }
        // Both writers replace one shared run at the end: the advisory lock keeps that from colliding.
        const shared = fixtureRun({ runId: 'shared', name, latencySamples: 3 });
        await store.saveRun({ runId: 'shared', name: 'shared', runDir: name, ...shared });
        await store.close();
        return { startedAt, finishedAt: Date.now() };
      };
      const outcomes = await Promise.all([writer('alpha'), writer('beta')]);
      expect(Math.max(...outcomes.map((outcome) => outcome.startedAt))).toBeLessThan(
        Math.min(...outcomes.map((outcome) => outcome.finishedAt)),
      );
      const count = async (sql: string) => Number((await adminQuery<{ count: string }>(sql))[0]?.count);
      expect(await count(`SELECT COUNT(*) FROM ${schema}.runs`)).toBe(2 * runs + 1);
      expect(await count(`SELECT COUNT(*) FROM ${schema}.runs WHERE name = 'beta'`)).toBe(runs);
      expect(await count(`SELECT COUNT(*) FROM ${schema}.agentscore_migrations`)).toBe(LATEST_SCHEMA_VERSION);
      const perRun = latencySamples + Object.keys(FIXTURE_CHECKS).length;
      expect(await count(`SELECT COUNT(*) FROM ${schema}.probe_results WHERE run_id <> 'shared'`)).toBe(
        2 * runs * perRun,
      );
    });
  },
);
