import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namedScorecard } from './__fixtures__/board-entries.ts';
import type { BoardEntry } from './board-document.ts';
import { refreshReportsWithAlternatives, writeBoard } from './write-board.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');

/** Two run folders with results (one named with a space and brackets), and one history entry without a folder. */
function folders(): { root: string; entries: BoardEntry[] } {
  const root = mkdtempSync(join(tmpdir(), 'agentscore-write-board-'));
  const entries: BoardEntry[] = ['alpha (eu)', 'beta'].map((name, index) => {
    const runDir = join(root, 'runs', name);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'results.jsonl'), '');
    return {
      scorecard: namedScorecard(name, 60 + index * 10, '2026-11-25T00:00:00Z'),
      runDir,
      profile: null,
    };
  });
  entries.push({
    scorecard: namedScorecard('gamma', 50, '2026-11-25T00:00:00Z'),
    runDir: null,
    profile: null,
  });
  return { root, entries };
}

describe('refreshReportsWithAlternatives and writeBoard', () => {
  it('gives each folder a report naming the others, with encoded relative links, then links the board rows', async () => {
    const { root, entries } = folders();
    expect(await refreshReportsWithAlternatives(entries)).toEqual([entries[0]!.runDir, entries[1]!.runDir]);
    const alpha = readFileSync(join(entries[0]!.runDir!, 'report.md'), 'utf8');
    expect(alpha).toContain('### 1. [beta](../beta/report.html)');
    expect(alpha).toContain('### 2. gamma (gamma-model)');
    const beta = readFileSync(join(entries[1]!.runDir!, 'report.md'), 'utf8');
    expect(beta).toContain('](../alpha%20%28eu%29/report.html)');

    const outDir = join(root, 'board');
    const { board, written } = await writeBoard({ entries, outDir, now: NOW });
    expect(written.map((path) => path.slice(outDir.length + 1))).toEqual([
      'board.md',
      'board.html',
      'board.json',
    ]);
    expect(board.rows.map((row) => [row.name, row.reportHref])).toEqual([
      ['beta', '../runs/beta/report.html'],
      ['alpha (eu)', '../runs/alpha%20%28eu%29/report.html'],
      ['gamma', null],
    ]);
    expect(JSON.parse(readFileSync(join(outDir, 'board.json'), 'utf8'))).toEqual(board);
  });

  it('leaves a folder without results alone and does not link a report that is not there', async () => {
    const { root, entries } = folders();
    const bare = join(root, 'runs', 'bare');
    mkdirSync(bare);
    const withBare = [
      ...entries,
      { scorecard: namedScorecard('bare', 40, '2026-11-25T00:00:00Z'), runDir: bare, profile: null },
    ];
    await refreshReportsWithAlternatives(withBare);
    expect(existsSync(join(bare, 'report.md'))).toBe(false);
    const { board } = await writeBoard({ entries: withBare, outDir: join(root, 'board'), now: NOW });
    expect(board.rows.find((row) => row.name === 'bare')!.reportHref).toBeNull();
  });
});
