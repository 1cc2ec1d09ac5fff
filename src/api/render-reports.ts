/** @module The library's `renderReports(runDir)`: re-renders report.md, report.html and charts offline. */
import { resolve } from 'node:path';
import type { AlternativeInput } from '../report/alternatives-view.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import { type ReporterFailure, writeReports } from '../report/write-reports.ts';
import { readManifest, readResults, readScorecard, resultsPath } from '../run/run-folder.ts';
import { loadProfileFor } from '../run/score-run.ts';

export interface RenderReportsOptions {
  /** Reporters to run (default: markdown, html, charts, json). */
  reporters?: ReporterName[];
  /** Also write a JUnit XML file here. */
  junitFile?: string;
  /** Told about each reporter that failed (the others still write); default: one line on stderr. */
  onReporterError?: (failure: ReporterFailure) => void;
  /** Other targets to rank against this one in an Alternatives section. */
  alternatives?: readonly AlternativeInput[];
}

/**
 * Renders the reports of a scored run folder; returns the paths written. Throws `RunFolderError`
 * when the folder holds no scorecard.json.
 */
export async function renderReports(runDir: string, options: RenderReportsOptions = {}): Promise<string[]> {
  const folder = resolve(runDir);
  // The manifest first: a folder from another agentscore version is named by its run.json.
  const manifest = readManifest(folder);
  const scorecard = readScorecard(folder);
  return writeReports({
    runDir: folder,
    scorecard,
    results: readResults(resultsPath(folder)),
    profile: manifest ? await loadProfileFor(manifest) : null,
    junitFile: options.junitFile,
    reporters: options.reporters,
    alternatives: options.alternatives,
    ...(options.onReporterError ? { onReporterError: options.onReporterError } : {}),
  });
}
