/** @module Scoring a run directory offline: results (and shards) + rubric + profile → scorecard.json. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type ComputeScorecardInput, computeScorecard } from '../scoring/compute-scorecard.ts';
import { improvementRoadmap } from '../scoring/improvement-roadmap.ts';
import { runCost } from '../scoring/run-cost.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import { resultKey } from '../spec/result-key.ts';
import type { Scorecard, ScoringInput } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { loadRubric, loadTargetProfile } from '../suite/load-suites.ts';
import { targetProfileFile } from '../suite/load-target-profile.ts';
import { readHistoryEvidence } from './history-evidence-file.ts';
import { PROJECT_PATHS } from './project-paths.ts';
import { readResults } from './results-file.ts';
import { writeScorecard } from './run-folder.ts';
import { type RunManifest, readManifest } from './run-manifest.ts';

export interface ScoredRun {
  manifest: RunManifest;
  results: ProbeResult[];
  scorecard: Scorecard;
  profile: TargetProfile | null;
  /** One line when the stored scorecard was produced by a different rubric or profile, else null. */
  inputChange: string | null;
}

/** Name and sha256 of a file's bytes, so a re-score can tell that its inputs changed. */
export function scoringInputOf(name: string, file: string): ScoringInput {
  return { name, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };
}

function describeInput(input: ScoringInput | null | undefined): string {
  return input ? `${input.name} (sha256 ${input.sha256.slice(0, 12)})` : 'none';
}

/**
 * The sentence `agentscore score` prints when re-scoring with a different rubric or profile than the
 * stored scorecard used; null when they are the same or the stored scorecard does not say.
 */
export function describeInputChange(
  previous: Pick<Scorecard, 'inputs'> | null,
  next: Pick<Scorecard, 'inputs'>,
): string | null {
  if (!previous?.inputs || !next.inputs) return null;
  const changes: string[] = [];
  if (previous.inputs.rubric.sha256 !== next.inputs.rubric.sha256) {
    changes.push(`rubric ${describeInput(previous.inputs.rubric)} → ${describeInput(next.inputs.rubric)}`);
  }
  if ((previous.inputs.profile?.sha256 ?? null) !== (next.inputs.profile?.sha256 ?? null)) {
    changes.push(`profile ${describeInput(previous.inputs.profile)} → ${describeInput(next.inputs.profile)}`);
  }
  return changes.length === 0
    ? null
    : `re-scored with different inputs than the stored scorecard: ${changes.join('; ')}`;
}

function readStoredScorecard(file: string): Scorecard | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Scorecard;
  } catch {
    // An unreadable old scorecard is simply replaced; there is nothing to compare with.
    return null;
  }
}

/** Deduplicates merged shards/resumes: the last attempt of each probe repetition wins. */
export function mergeResults(lists: ProbeResult[][]): ProbeResult[] {
  const byKey = new Map<string, ProbeResult>();
  for (const result of lists.flat()) {
    const key = resultKey(result);
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
  const profileName = manifest.target.profile;
  const inputs = {
    rubric: scoringInputOf(basename(rubricFile, extname(rubricFile)), rubricFile),
    profile: profileName
      ? scoringInputOf(profileName, targetProfileFile(profileName, PROJECT_PATHS.profiles))
      : null,
  };
  const scorecardFile = join(runDir, 'scorecard.json');
  const stored = readStoredScorecard(scorecardFile);
  const input: ComputeScorecardInput = {
    results,
    rubric: await loadRubric(rubricFile),
    profile,
    inputs,
    target: {
      ...(manifest.contacted ? { contacted: manifest.contacted } : {}),
      name: manifest.target.name,
      provider: manifest.target.provider,
      baseUrl: manifest.target.baseUrl,
      model: manifest.target.model,
      ...(manifest.target.preset ? { preset: manifest.target.preset } : {}),
    },
    harnessVersion: manifest.harnessVersion,
    startedAt: manifest.startedAt,
    finishedAt,
    asOf: finishedAt.slice(0, 10),
    complete: manifest.complete,
    history: readHistoryEvidence(runDir),
    ...(manifest.preflight ? { preflight: manifest.preflight } : {}),
  };
  const scorecard = computeScorecard(input);
  const roadmap = improvementRoadmap(input);
  if (roadmap.length > 0) scorecard.roadmap = roadmap;
  scorecard.cost = runCost(input.results, manifest.target.model, profile?.prices, input.asOf);
  writeScorecard(runDir, scorecard);
  return { manifest, results, scorecard, profile, inputChange: describeInputChange(stored, scorecard) };
}
