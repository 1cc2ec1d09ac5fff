/**
 * @module Where the board's targets come from: run folders given on the command line, or the latest
 * run of every name in a history database; each with its target profile for the facts' freshness.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { HistoryStore } from '../history/history-store.ts';
import type { AlternativeInput } from '../report/alternatives-view.ts';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import { readManifest, readScorecard } from '../run/run-folder.ts';
import { loadProfileFor } from '../run/score-run.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { loadTargetProfile } from '../suite/load-target-profile.ts';
import type { BoardEntry } from './board-document.ts';

/**
 * The run's profile: the one its run.json names, else the one its scorecard records (a history run
 * whose folder is gone); null when neither is there or it no longer loads (the board still shows it).
 */
async function profileOf(scorecard: Scorecard, runDir: string | null): Promise<TargetProfile | null> {
  try {
    const manifest = runDir ? readManifest(runDir) : null;
    if (manifest) return await loadProfileFor(manifest);
    const name = scorecard.inputs?.profile?.name;
    return name ? await loadTargetProfile(name, PROJECT_PATHS.profiles) : null;
  } catch {
    return null;
  }
}

/** One entry per folder, in the order given; a folder without scorecard.json throws RunFolderError. */
export async function entriesFromRunFolders(folders: readonly string[]): Promise<BoardEntry[]> {
  const entries: BoardEntry[] = [];
  for (const folder of folders) {
    const runDir = resolve(folder);
    const scorecard = readScorecard(runDir);
    entries.push({ scorecard, runDir, profile: await profileOf(scorecard, runDir) });
  }
  return entries;
}

/**
 * The latest run of every name in the store (but `exceptName`, e.g. the one being monitored); its
 * folder only when it still exists here.
 */
export async function entriesFromHistory(store: HistoryStore, exceptName?: string): Promise<BoardEntry[]> {
  const entries: BoardEntry[] = [];
  for (const name of await store.runNames()) {
    if (name === exceptName) continue;
    const [latest] = await store.latestRuns(name, 1);
    if (!latest) continue;
    const runDir = latest.runDir && existsSync(latest.runDir) ? latest.runDir : null;
    entries.push({ scorecard: latest.scorecard, runDir, profile: await profileOf(latest.scorecard, runDir) });
  }
  return entries;
}

/** Every valid profile in a folder (`*.yaml`), by file name; one that does not load is reported, not fatal. */
export async function loadProfilesIn(
  folder = PROJECT_PATHS.profiles,
): Promise<{ profiles: TargetProfile[]; problems: string[] }> {
  const profiles: TargetProfile[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()) {
    try {
      profiles.push(await loadTargetProfile(join(folder, file)));
    } catch (error) {
      problems.push(`${join(folder, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { profiles, problems };
}

/** Other targets as a report's Alternatives: all but `runDir` itself, each linked relative to `runDir` while its report exists. */
export function alternativeInputs(entries: readonly BoardEntry[], runDir: string): AlternativeInput[] {
  return entries
    .filter((entry) => entry.runDir !== runDir)
    .map((entry) => {
      const report = entry.runDir ? join(entry.runDir, 'report.html') : null;
      return {
        scorecard: entry.scorecard,
        reportHref: report && existsSync(report) ? relative(runDir, report) : null,
      };
    });
}
