/**
 * @module Writes board.md, board.html and board.json to a folder, and refreshes each row's report
 * with the other rows as its Alternatives (links between reports relative, so the folders can move).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { relativeHref } from '../report/alternatives-view.ts';
import { writeFileAtomic } from '../report/write-file-atomic.ts';
import { writeReports } from '../report/write-reports.ts';
import { readResults, resultsPath } from '../run/run-folder.ts';
import { type BoardDocument, type BoardEntry, type BuildBoardOptions, buildBoard } from './board-document.ts';
import { renderBoardHtml } from './render-board-html.ts';
import { renderBoardMarkdown } from './render-board-markdown.ts';

export const BOARD_FILES = { markdown: 'board.md', html: 'board.html', json: 'board.json' } as const;

export interface WriteBoardInput extends Omit<BuildBoardOptions, 'reportHrefOf'> {
  entries: readonly BoardEntry[];
  outDir: string;
}

function reportFile(entry: BoardEntry): string | null {
  if (!entry.runDir) return null;
  const file = join(entry.runDir, 'report.html');
  return existsSync(file) ? file : null;
}

/** The three board files; returns the document and the paths written. */
export async function writeBoard(
  input: WriteBoardInput,
): Promise<{ board: BoardDocument; written: string[] }> {
  await mkdir(input.outDir, { recursive: true });
  const board = buildBoard(input.entries, {
    ...input,
    reportHrefOf: (entry) => {
      const file = reportFile(entry);
      return file ? relativeHref(relative(input.outDir, file)) : null;
    },
  });
  const files = [
    [BOARD_FILES.markdown, renderBoardMarkdown(board)],
    [BOARD_FILES.html, renderBoardHtml(board)],
    [BOARD_FILES.json, `${JSON.stringify(board, null, 2)}\n`],
  ] as const;
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(input.outDir, name);
    await writeFileAtomic(path, content);
    written.push(path);
  }
  return { board, written };
}

function refreshable(entry: BoardEntry): boolean {
  return entry.runDir !== null && existsSync(resultsPath(entry.runDir));
}

/**
 * Re-renders report.md, report.html and report.json of every entry whose folder holds its results,
 * with every other entry as an alternative; returns the folders refreshed.
 */
export async function refreshReportsWithAlternatives(entries: readonly BoardEntry[]): Promise<string[]> {
  const refreshed: string[] = [];
  for (const entry of entries) {
    const { runDir } = entry;
    if (!runDir || !refreshable(entry)) continue;
    const alternatives = entries
      .filter((other) => other !== entry)
      .map((other) => {
        // A folder refreshed in this loop has a report.html by the end, even if it has none yet.
        const file = refreshable(other) ? join(other.runDir!, 'report.html') : reportFile(other);
        return { scorecard: other.scorecard, reportHref: file ? relative(runDir, file) : null };
      });
    await writeReports({
      runDir,
      scorecard: entry.scorecard,
      results: readResults(resultsPath(runDir)),
      profile: entry.profile,
      reporters: ['markdown', 'html', 'json'],
      alternatives,
    });
    refreshed.push(runDir);
  }
  return refreshed;
}
