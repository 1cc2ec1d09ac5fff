import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixtureRun, fixtureScorecard } from './__fixtures__/fixture-runs.ts';
import { V1_SCHEMA } from './__fixtures__/schema-v1.ts';
import { useTempDir } from './__fixtures__/temp-dir.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, pendingMigrations } from './migrations.ts';
import { openSqliteHistoryStore } from './sqlite-store.ts';

const tempDir = useTempDir();

function createVersion1(file: string): void {
  const database = new Database(file);
  database.exec(V1_SCHEMA);
  const scorecard = fixtureScorecard({ runId: 'old-run', startedAt: '2024-12-01T00:00:00.000Z' });
  database
    .prepare(
      `INSERT INTO runs VALUES ('old-run', 'mistral', ?, 'mistral', 'https://api.mistral.ai', 'm',
        '2024-12-01T00:00:00.000Z', '2024-12-01T00:05:00.000Z', '0.1.0', '2025.1', 1, 62, 83, 82, 74, ?)`,
    )
    .run(JSON.stringify(scorecard.target), JSON.stringify(scorecard));
  database
    .prepare(
      `INSERT INTO probe_results VALUES ('old-run', 0, 'latency', 'chat-stream', 'chat-stream', 1, 1, 'passed', NULL,
        310.5, 1250, ?, '[]')`,
    )
    .run(JSON.stringify([{ id: 'stream-done', component: null, passed: true, detail: 'ok' }]));
  database.prepare("INSERT INTO metrics VALUES ('old-run', 'availability.successRate', 0.97, 200)").run();
  database.close();
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: MIGRATIONS.length }, (_, index) => index + 1),
    );
    expect(pendingMigrations(1).map((migration) => migration.version)).toEqual([2, 3, 4]);
    expect(pendingMigrations(LATEST_SCHEMA_VERSION)).toEqual([]);
  });

  it('keep portable SQL (no SQLite-only syntax) in every migration', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.sql).not.toMatch(/AUTOINCREMENT|PRAGMA|INSERT OR|WITHOUT ROWID|STRICT/i);
    }
  });

  it('upgrade a version-1 database in place and keep its data', () => {
    const file = join(tempDir(), 'history.sqlite');
    createVersion1(file);
    const store = openSqliteHistoryStore(file);

    const old = store.previousRun('mistral');
    expect(old).toMatchObject({
      runId: 'old-run',
      runDir: null,
      scores: { security: 83, dataProtection: 74 },
    });
    const [result] = store.runResults('old-run');
    expect(result).toMatchObject({
      probe: 'chat-stream',
      timings: { startedAt: '2024-12-01T00:00:00.000Z', ttftMs: 310.5, e2eMs: 1250 },
      measurements: {},
      checks: [{ id: 'stream-done', passed: true }],
    });
    expect(store.trend('mistral', { limit: 5 })[0]!.availability).toEqual({
      samples: 200,
      successRate: 0.97,
    });

    const next = fixtureRun({
      runId: 'new-run',
      startedAt: '2025-01-01T00:00:00.000Z',
      shapeFingerprint: ['id:string'],
    });
    store.saveRun({ runId: 'new-run', name: 'mistral', runDir: 'reports/new-run', ...next });
    expect(store.previousRun('mistral', 'new-run')?.runId).toBe('old-run');
    store.close();

    const database = new Database(file, { readonly: true });
    const versions = database
      .prepare('SELECT version FROM agentscore_migrations ORDER BY version')
      .pluck()
      .all();
    const fingerprints = database.prepare('SELECT COUNT(*) FROM shape_fingerprints').pluck().get();
    database.close();
    expect(versions).toEqual([1, 2, 3, 4]);
    expect(fingerprints).toBe(4); // one field on each of the four fingerprinted probes
  });

  it('version 4 leaves one open incident per name (the newest) and then refuses a second', () => {
    const file = join(tempDir(), 'history.sqlite');
    const database = new Database(file);
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 3)) {
      database.exec(migration.sql);
      database
        .prepare('INSERT INTO agentscore_migrations VALUES (?, ?, ?)')
        .run(migration.version, migration.description, '2025-01-01T00:00:00.000Z');
    }
    // What two monitors of one name racing under version 3 could leave behind.
    const insert = database.prepare(
      `INSERT INTO monitor_incidents VALUES (?, ?, ?, 'base', 'open', '{}', ?, 0, NULL, NULL)`,
    );
    insert.run('mistral', 'run-a', '2025-01-02T00:00:00.000Z', 'run-a');
    insert.run('mistral', 'run-b', '2025-01-02T00:00:05.000Z', 'run-b');
    insert.run('openai', 'run-c', '2025-01-02T00:00:00.000Z', 'run-c');
    database.close();

    const store = openSqliteHistoryStore(file);
    expect(store.openIncident('mistral')?.openedRunId).toBe('run-b');
    expect(store.openIncident('openai')?.openedRunId).toBe('run-c');
    const second = { ...store.openIncident('mistral')!, openedRunId: 'run-d' };
    expect(store.saveIncident(second)).toBe(false);
    expect(store.openIncident('mistral')?.openedRunId).toBe('run-b');
    store.close();

    const check = new Database(file, { readonly: true });
    const closed = check
      .prepare("SELECT opened_run_id, closed_run_id FROM monitor_incidents WHERE status = 'closed'")
      .all();
    check.close();
    expect(closed).toEqual([{ opened_run_id: 'run-a', closed_run_id: 'run-a' }]);
  });
});
