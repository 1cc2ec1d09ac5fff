/** @module bench/board-scale — board.md, board.html and board.json for 200 synthetic targets: median time to write all three. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { syntheticEntries } from '../src/board/__fixtures__/board-entries.ts';
import { writeBoard } from '../src/board/write-board.ts';
import { median, round } from './percentile.ts';

export interface BoardScaleFigures {
  board_200_targets_ms: number;
  board_200_targets_html_kb: number;
}

export async function measureBoardScale(targets = 200, repetitions = 5): Promise<BoardScaleFigures> {
  const entries = syntheticEntries(targets);
  const outDir = mkdtempSync(join(tmpdir(), 'agentscore-board-bench-'));
  try {
    const times: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      const began = performance.now();
      const { board } = await writeBoard({ entries, outDir, now: new Date('2026-11-26T00:00:00Z') });
      times.push(performance.now() - began);
      if (board.rows.length !== targets) throw new Error(`board has ${board.rows.length} of ${targets} rows`);
    }
    return {
      board_200_targets_ms: round(median(times)),
      board_200_targets_html_kb: Math.round(statSync(join(outDir, 'board.html')).size / 1024),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const figures = await measureBoardScale();
  for (const [name, value] of Object.entries(figures)) process.stdout.write(`${name}: ${value}\n`);
}
