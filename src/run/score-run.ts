/** @module Scoring a run directory offline: results (and shards) + rubric + profile → scorecard.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeScorecard } from '../scoring/compute-scorecard.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { loadRubric, loadTargetProfile } from '../suite/load-suites.ts';
import { readHistoryEvidence } from './history-evidence-file.ts';
import { PROJECT_PATHS } from './project-paths.ts';
import { readResults } from './results-file.ts';
import { type RunManifest, readManifest } from './run-manifest.ts';

export interface ScoredRun {
  manifest: RunManifest;
  results: ProbeResult[];
  scorecard: Scorecard;
  profile: TargetProfile | null;
}

/** Deduplicates merged shards/resumes: the last attempt of each probe repetition wins. */
export function mergeResults(lists: ProbeResult[][]): ProbeResult[] {
  const byKey = new Map<string, ProbeResult>();
  for (const result of lists.flat()) {
    const key = `${result.suite}/${result.probe}#${result.repetition}`;
    const existing = byKey.get(key);
    if (!existing || result.attempt >= existing.attempt) byKey.set(key, result);
  }
  return [...byKey.values()].sort(
    (left, right) =>
      `${left.suite}/${left.probe}`.localeCompare(`${right.suite}/${right.probe}`) ||
      left.repetition - right.repetition,
  );
}

export async function loadProfileFor(manifest: RunManifest): Promise<TargetProfile | null> {
  return manifest.target.profile
    ? await loadTargetProfile(manifest.target.profile, PROJECT_PATHS.profiles)
    : null;
}

/** Recomputes scorecard.json from files only; same inputs give byte-identical output. */
export async function scoreRun(
  runDir: string,
  extraResultFiles: string[] = [],
  rubricFile = PROJECT_PATHS.rubric,
): Promise<ScoredRun> {
  const manifest = readManifest(runDir);
  if (!manifest)
    throw new Error(`${runDir}: no run.json here; is this a run directory written by agentscore run?`);
  const results = mergeResults([
    readResults(join(runDir, 'results.jsonl')),
    ...extraResultFiles.map(readResults),
  ]);
  const profile = await loadProfileFor(manifest);
  const finishedAt = manifest.finishedAt ?? manifest.startedAt;
  const scorecard = computeScorecard({
    results,
    rubric: await loadRubric(rubricFile),
    profile,
    target: {
      ...(manifest.contacted ? { contacted: manifest.contacted } : {}),
      name: manifest.target.name,
      provider: manifest.target.provider,
      baseUrl: manifest.target.baseUrl,
      model: manifest.target.model,
    },
    harnessVersion: manifest.harnessVersion,
    startedAt: manifest.startedAt,
    finishedAt,
    asOf: finishedAt.slice(0, 10),
    complete: manifest.complete,
    history: readHistoryEvidence(runDir),
    ...(manifest.preflight ? { preflight: manifest.preflight } : {}),
  });
  writeFileSync(join(runDir, 'scorecard.json'), `${JSON.stringify(scorecard, null, 2)}\n`);
  return { manifest, results, scorecard, profile };
}
