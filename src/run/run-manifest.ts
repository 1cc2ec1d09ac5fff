/** @module run.json: what a run directory holds (target without key, options, versions) for score/resume. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Target } from '../spec/target.ts';

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
}

export function manifestPath(runDir: string): string {
  return join(runDir, 'run.json');
}

export function readManifest(runDir: string): RunManifest | null {
  const file = manifestPath(runDir);
  if (!existsSync(file)) return null;
  const value = JSON.parse(readFileSync(file, 'utf8')) as RunManifest;
  if (value.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new Error(`${file}: run manifest schemaVersion ${value.schemaVersion} is not supported`);
  }
  return value;
}

export function writeManifest(runDir: string, manifest: RunManifest): void {
  writeFileSync(manifestPath(runDir), `${JSON.stringify(manifest, null, 2)}\n`);
}
