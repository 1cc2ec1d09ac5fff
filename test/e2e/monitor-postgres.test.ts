import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adminQuery,
  postgresTestsEnabled,
  useTestSchema,
} from '../../src/history/__fixtures__/postgres-test-schema.ts';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { runCli } from './run-cli.ts';

const KEY = 'Vb8nQ2xR7mK4pL9sTd3WcZ6h';

describe.skipIf(!postgresTestsEnabled())(
  'agentscore monitor and history on a PostgreSQL history (real server)',
  () => {
    const freshSchema = useTestSchema();

    it('stores two monitored runs of the sandbox and lists them with history', async () => {
      const { url, schema } = await freshSchema();
      const root = mkdtempSync(join(tmpdir(), 'agentscore-monitor-pg-'));
      const sandbox = await startSandbox({ profile: 'faithful', port: 0, apiKeys: [KEY] });
      try {
        for (const runName of ['run-1', 'run-2']) {
          const monitor = await runCli(
            [
              'monitor',
              '--name',
              'nightly-pg',
              '--provider',
              'mistral',
              '--base-url',
              `${sandbox.url}/v1`,
              '--model',
              'mistral-small-latest',
              '--api-key-env',
              'MONITOR_KEY',
              '--suite',
              'auth',
              '--db',
              url,
              '--out',
              join(root, runName),
            ],
            { MONITOR_KEY: KEY },
          );
          expect(monitor.code, monitor.stderr).toBe(0);
          if (runName === 'run-1') expect(monitor.stdout).toContain('first run of "nightly-pg"');
        }
      } finally {
        await sandbox.close();
      }
      const runs = await adminQuery<{ run_dir: string }>(
        `SELECT run_dir FROM ${schema}.runs WHERE name = 'nightly-pg' ORDER BY started_at`,
      );
      expect(runs.map((run) => run.run_dir)).toEqual([join(root, 'run-1'), join(root, 'run-2')]);

      const history = await runCli(['history', '--name', 'nightly-pg', '--db', url]);
      expect(history.code, history.stderr).toBe(0);
      // A header line plus one line per stored run.
      expect(history.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(3);
      const missing = await runCli(['history', '--name', 'no-such-series', '--db', url]);
      expect(missing.stdout).toContain('no runs named "no-such-series"');
      // The location is printed with its password masked.
      const password = new URL(url).password;
      if (password !== '') expect(missing.stdout).not.toContain(`:${password}@`);
    }, 120_000);
  },
);
