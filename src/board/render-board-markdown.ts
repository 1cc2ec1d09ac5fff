/** @module board.md: the board's table in GitHub-flavoured Markdown, target text escaped. Pure. */
import { escapeMarkdown, escapeTableCell } from '../report/escape-markdown.ts';
import { formatDateTime } from '../report/format.ts';
import { BOARD_COLUMNS } from './board-columns.ts';
import type { BoardDocument, BoardRow } from './board-document.ts';

function targetCell(row: BoardRow): string {
  const name = escapeTableCell(row.name);
  // reportHref is built from path segments percent-encoded by the board, so it cannot end the link early.
  return row.reportHref ? `[${name}](${row.reportHref})` : name;
}

export function renderBoardMarkdown(board: BoardDocument): string {
  const header = `| ${BOARD_COLUMNS.map((column) => column.label).join(' | ')} |`;
  const rule = `|${BOARD_COLUMNS.map((column) => (column.numeric ? '---:' : '---')).join('|')}|`;
  const lines = board.rows.map(
    (row) =>
      `| ${BOARD_COLUMNS.map((column) =>
        column.id === 'target' ? targetCell(row) : escapeTableCell(column.cell(row).display),
      ).join(' | ')} |`,
  );
  const stale = board.rows.filter((row) => row.staleness.stale);
  const staleLines = stale.flatMap((row) => [
    `- ${escapeMarkdown(row.name)}: ${row.staleness.runStale ? `last run ${row.staleness.ageDays} days ago` : 'run recent'}${row.staleness.staleFacts.length > 0 ? `; facts past re-verify: ${row.staleness.staleFacts.map((fact) => `${escapeMarkdown(fact.claimId)} (since ${fact.reverifyBy})`).join(', ')}` : ''}`,
  ]);
  return `${[
    '# Board',
    '',
    `${board.rows.length} target${board.rows.length === 1 ? '' : 's'}, built ${formatDateTime(board.generatedAt)}. Scores with the share of their weight judged in brackets; \`--\` could not be judged. Runs older than ${board.staleAfterDays} days and facts past their re-verify date are marked stale (\`agentscore stale\`).`,
    '',
    header,
    rule,
    ...lines,
    ...(stale.length > 0 ? ['', '## Need re-evaluation', '', ...staleLines] : []),
  ].join('\n')}\n`;
}
