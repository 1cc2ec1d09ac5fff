/** @module run.json: what a run directory holds (target without key, options, versions) for score/resume. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreflightRecord } from '../spec/preflight-record.ts';
import type { ContactedHost } from '../spec/scorecard.ts';
import type { Target } from '../spec/target.ts';
import { readVersionedJson } from './results-file.ts';
import type { RunSettings } from './run-settings.ts';

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
  /** The run settings in force and where each came from (flag, config `defaults`, built-in). */
  settings?: RunSettings;
}

export function manifestPath(runDir: string): string {
  return join(runDir, 'run.json');
}

export function readManifest(runDir: string): RunManifest | null {
  const file = manifestPath(runDir);
  if (!existsSync(file)) return null;
  return readVersionedJson(file, 'run manifest', MANIFEST_SCHEMA_VERSION) as unknown as RunManifest;
}

export function writeManifest(runDir: string, manifest: RunManifest): void {
  writeFileSync(manifestPath(runDir), `${JSON.stringify(manifest, null, 2)}\n`);
}
