/** @module run.json: what a run directory holds (target without key, options, versions) for score/resume. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreflightRecord } from '../spec/preflight-record.ts';
import type { ContactedHost } from '../spec/scorecard.ts';
import type { Target } from '../spec/target.ts';
import { ResultsFileError } from './results-file.ts';

export const MANIFEST_SCHEMA_VERSION = 1;

export interface RunManifest {
  schemaVersion: typeof MANIFEST_SCHEMA_VERSION;
  runId: string;
  harnessVersion: string;
  target: Target;
  startedAt: string;
  finishedAt: string | null;
  complete: boolean;
  suites: string[];
  shard: string | null;
  planned: number;
  /** The host contacted and what it resolved to when the run started. */
  contacted?: ContactedHost;
  /** What the preflight found before the first probe (absent on older runs). */
  preflight?: PreflightRecord;
}

export function manifestPath(runDir: string): string {
  return join(runDir, 'run.json');
}

export function readManifest(runDir: string): RunManifest | null {
  const file = manifestPath(runDir);
  if (!existsSync(file)) return null;
  const value = JSON.parse(readFileSync(file, 'utf8')) as RunManifest;
  if (value.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new ResultsFileError(
      `${file}: run manifest schemaVersion ${String(value.schemaVersion)} is not supported (this agentscore reads ${MANIFEST_SCHEMA_VERSION}); re-run or use a matching agentscore version`,
    );
  }
  return value;
}

export function writeManifest(runDir: string, manifest: RunManifest): void {
  writeFileSync(manifestPath(runDir), `${JSON.stringify(manifest, null, 2)}\n`);
}
