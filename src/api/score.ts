/**
 * @module The library's `score(runDir)`: recomputes scorecard.json from the run folder's files only
 * (no network), merging extra shard results; same inputs give a byte-identical scorecard.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import { manifestPath, RunFolderError } from '../run/run-folder.ts';
import { scoreRun } from '../run/score-run.ts';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import { type RunFiles, runFiles } from './run-files.ts';

export interface ScoreOptions {
  /** results.jsonl files of other shards (or resumes) to merge; the last attempt of each probe wins. */
  extraResults?: string[];
  /** Rubric file (default: the rubric shipped in the package). */
  rubric?: string;
}

export interface ScoreResult {
  scorecard: Scorecard;
  /** The merged results the scorecard was computed from. */
  results: ProbeResult[];
  /** A sentence when the stored scorecard came from a different rubric or profile, else null. */
  inputChange: string | null;
  runDir: string;
  files: RunFiles;
}

/** Throws `RunFolderError` when `runDir` holds no run.json, `ResultsFileError` for a foreign results file. */
export async function score(runDir: string, options: ScoreOptions = {}): Promise<ScoreResult> {
  const folder = resolve(runDir);
  if (!existsSync(manifestPath(folder)))
    throw new RunFolderError(
      `${manifestPath(folder)} not found: is ${folder} a run directory written by agentscore run?`,
    );
  const scored = await scoreRun(
    folder,
    (options.extraResults ?? []).map((file) => resolve(file)),
    options.rubric ? resolve(options.rubric) : PROJECT_PATHS.rubric,
  );
  return {
    scorecard: scored.scorecard,
    results: scored.results,
    inputChange: scored.inputChange,
    runDir: folder,
    files: runFiles(folder, []),
  };
}
