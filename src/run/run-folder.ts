/**
 * @module The run folder: the one module that reads and writes its files (run.json, results.jsonl,
 * scorecard.json, history-evidence.json, the cassette header), each version-checked with the file
 * named, and the rule that a folder holds one run (a new run moves an earlier one aside).
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { SCORECARD_SCHEMA_VERSION, type Scorecard } from '../spec/scorecard.ts';
import type { Target } from '../spec/target.ts';
import type { Shard } from './plan-probes.ts';
import { readResults, readVersionedJson } from './results-file.ts';
import { manifestPath, type RunManifest, readManifest } from './run-manifest.ts';

export { type CassetteHeader, readCassetteHeader } from './cassette-provider.ts';
export {
  HISTORY_EVIDENCE_FILE,
  readHistoryEvidence,
  writeHistoryEvidence,
} from './history-evidence-file.ts';
export { ResultsFileError, ResultsWriter, readResults } from './results-file.ts';
export {
  MANIFEST_SCHEMA_VERSION,
  manifestPath,
  type RunManifest,
  readManifest,
  writeManifest,
} from './run-manifest.ts';

export const RESULTS_FILE = 'results.jsonl';
export const SCORECARD_FILE = 'scorecard.json';

export function resultsPath(runDir: string): string {
  return join(runDir, RESULTS_FILE);
}

export function scorecardPath(runDir: string): string {
  return join(runDir, SCORECARD_FILE);
}

/** A run folder a command cannot use as asked (resume of another plan, a folder over the cwd): exit 2. */
export class RunFolderError extends Error {
  readonly code = 'E_RUN_FOLDER';
  override readonly name = 'RunFolderError';
}

/** scorecard.json, version-checked; a missing one says what to do. */
export function readScorecard(runDir: string): Scorecard {
  const file = scorecardPath(runDir);
  if (!existsSync(file))
    throw new RunFolderError(
      `${file} not found: is ${runDir} a run directory? (agentscore score ${runDir} writes it)`,
    );
  return readVersionedJson(file, 'scorecard', SCORECARD_SCHEMA_VERSION) as unknown as Scorecard;
}

export function writeScorecard(runDir: string, scorecard: Scorecard): void {
  writeFileSync(scorecardPath(runDir), `${JSON.stringify(scorecard, null, 2)}\n`);
}

/** What compare and monitor read of a finished run. */
export function readScoredRun(runDir: string): {
  scorecard: Scorecard;
  results: ReturnType<typeof readResults>;
} {
  return { scorecard: readScorecard(runDir), results: readResults(resultsPath(runDir)) };
}

export interface RunFolderRequest {
  runDir: string;
  resume: boolean;
  target: Target;
  /** Suite ids the plan holds after the suite filter and the shard (as run.json records them). */
  suites: string[];
  shard?: Shard;
  /** Folders that must stay where they are (a cassette being replayed). */
  keep?: string[];
  /** The user's working directory: a folder that contains it is never moved. */
  cwd: string;
}

export interface PreparedRunFolder {
  /** Where an earlier run was moved, when there was one. */
  movedTo: string | null;
  /** The earlier run this one continues (`--resume`). */
  resumed: RunManifest | null;
}

/**
 * A run folder holds one run. A new run into a folder that holds another moves the old one aside to
 * `<out>.previous-<its startedAt>` (nothing written is lost) and starts clean; only `--resume`
 * continues, and only the same target and plan. Checked before any request.
 */
export function prepareRunFolder(request: RunFolderRequest): PreparedRunFolder {
  const runDir = resolve(request.runDir);
  if (request.resume) {
    const manifest = readManifest(runDir);
    if (!manifest) {
      if (existsSync(resultsPath(runDir)))
        throw new RunFolderError(
          `${manifestPath(runDir)} not found: cannot tell which run ${resultsPath(runDir)} belongs to, so it cannot be resumed`,
        );
      return { movedTo: null, resumed: null };
    }
    readResults(resultsPath(runDir));
    const differences = planDifferences(manifest, request);
    if (differences.length)
      throw new RunFolderError(
        `cannot --resume the run in ${runDir}: ${differences.join('; ')}. Resume with the same target and plan, or drop --resume to start a new run (the old one is moved aside)`,
      );
    return { movedTo: null, resumed: manifest };
  }
  if (!holdsRun(runDir)) return { movedTo: null, resumed: null };
  if (isInside(resolve(request.cwd), runDir))
    throw new RunFolderError(
      `${runDir} holds an earlier run and contains the working directory: give a run folder of its own with --out`,
    );
  for (const kept of request.keep ?? [])
    if (isInside(resolve(kept), runDir))
      throw new RunFolderError(
        `${kept} lies inside ${runDir}, which holds an earlier run that a new run moves aside: replay from a folder outside --out, or give another --out`,
      );
  const movedTo = previousFolder(runDir);
  renameSync(runDir, movedTo);
  mkdirSync(runDir, { recursive: true });
  return { movedTo, resumed: null };
}

function holdsRun(runDir: string): boolean {
  return [manifestPath(runDir), resultsPath(runDir), scorecardPath(runDir)].some((file) => existsSync(file));
}

function isInside(path: string, folder: string): boolean {
  const relation = relative(folder, path);
  return relation === '' || (!relation.startsWith('..') && !relation.startsWith('/'));
}

/** `<out>.previous-<startedAt, filesystem-safe>`, unique among its siblings. */
function previousFolder(runDir: string): string {
  const stamp = startedAtOf(runDir).replace(/[:.]/g, '-');
  const base = join(dirname(runDir), `${basename(runDir)}.previous-${stamp}`);
  let candidate = base;
  for (let index = 2; existsSync(candidate); index += 1) candidate = `${base}-${index}`;
  return candidate;
}

/** The earlier run's start; read leniently (a foreign run.json is moved aside, not parsed). */
function startedAtOf(runDir: string): string {
  try {
    const startedAt = readVersionedJson(manifestPath(runDir), 'run manifest', 1).startedAt;
    if (typeof startedAt === 'string' && !Number.isNaN(Date.parse(startedAt))) return startedAt;
  } catch {
    // No readable run.json: the newest run file's time stands in for the start.
  }
  const times = [manifestPath(runDir), resultsPath(runDir), scorecardPath(runDir)]
    .filter((file) => existsSync(file))
    .map((file) => statSync(file).mtimeMs);
  return new Date(Math.min(...times)).toISOString();
}

function planDifferences(manifest: RunManifest, request: RunFolderRequest): string[] {
  const differences: string[] = [];
  for (const field of ['name', 'provider', 'baseUrl', 'model'] as const) {
    const before = manifest.target[field];
    const now = request.target[field];
    if (before !== now) differences.push(`target ${field} was "${before}", now "${now}"`);
  }
  const suitesBefore = [...manifest.suites].sort().join(', ');
  const suitesNow = [...request.suites].sort().join(', ');
  if (suitesBefore !== suitesNow) differences.push(`suites were [${suitesBefore}], now [${suitesNow}]`);
  const shardNow = request.shard ? `${request.shard.index}/${request.shard.count}` : null;
  if (manifest.shard !== shardNow)
    differences.push(`shard was ${manifest.shard ?? 'none'}, now ${shardNow ?? 'none'}`);
  return differences;
}
