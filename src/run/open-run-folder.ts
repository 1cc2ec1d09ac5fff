/** @module The run folder at the start and end of a run: run.json written, earlier results read on --resume. */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbeResult } from '../spec/probe-result.ts';
import { resultKey } from '../spec/result-key.ts';
import type { Target } from '../spec/target.ts';
import { resolveContactedHost } from './contacted-host.ts';
import { HARNESS_VERSION } from './harness-version.ts';
import type { PlannedProbe, Shard } from './plan-probes.ts';
import { readResults } from './results-file.ts';
import { MANIFEST_SCHEMA_VERSION, type RunManifest, readManifest, writeManifest } from './run-manifest.ts';
import type { RunSettings } from './run-settings.ts';

export interface OpenedRun {
  manifest: RunManifest;
  resultsFile: string;
  /** Results a resumed run already has. */
  earlier: ProbeResult[];
  /** Planned probes without a result yet, in plan order. */
  pending: PlannedProbe[];
}

/** Creates the folder and writes run.json; on resume keeps the run id, start time and contacted host. */
export async function openRunFolder(options: {
  runDir: string;
  target: Target;
  plan: PlannedProbe[];
  shard?: Shard;
  resume?: boolean;
  settings?: RunSettings;
}): Promise<OpenedRun> {
  mkdirSync(options.runDir, { recursive: true });
  const resultsFile = join(options.runDir, 'results.jsonl');
  const previous = options.resume ? readManifest(options.runDir) : null;
  const earlier = options.resume ? readResults(resultsFile) : [];
  const done = new Set(earlier.map(resultKey));
  const manifest: RunManifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    runId: previous?.runId ?? randomUUID(),
    harnessVersion: HARNESS_VERSION,
    target: options.target,
    startedAt: previous?.startedAt ?? new Date().toISOString(),
    finishedAt: null,
    complete: false,
    suites: [...new Set(options.plan.map((item) => item.suite.id))],
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
    planned: options.plan.length,
    contacted: previous?.contacted ?? (await resolveContactedHost(options.target.baseUrl)),
    ...(options.settings ? { settings: options.settings } : {}),
  };
  writeManifest(options.runDir, manifest);
  return { manifest, resultsFile, earlier, pending: options.plan.filter((item) => !done.has(item.key)) };
}

/** Marks the run finished; complete only when not interrupted and every planned probe has a result. */
export function closeRunFolder(
  runDir: string,
  manifest: RunManifest,
  outcome: { interrupted: boolean; results: number },
): void {
  manifest.finishedAt = new Date().toISOString();
  manifest.complete = !outcome.interrupted && outcome.results >= manifest.planned;
  writeManifest(runDir, manifest);
}
