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
    expect(pendingMigrations(1).map((migration) => migration.version)).toEqual([2, 3]);
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
    expect(versions).toEqual([1, 2, 3]);
    expect(fingerprints).toBe(4); // one field on each of the four fingerprinted probes
  });
});
