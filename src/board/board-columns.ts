/**
 * @module The board's columns as typed data: each says how a row is shown and how it sorts, so
 * board.md and board.html show the same cells. Pure.
 */
import { CATEGORY_LABELS, componentLabel } from '../history/score-labels.ts';
import { formatDate, formatMs, formatRate, formatScore, NULL_DISPLAY } from '../report/format.ts';
import { CATEGORY_IDS, type CategoryId } from '../spec/scorecard.ts';
import { type BoardRow, KEY_COMPONENTS } from './board-document.ts';

export interface BoardCell {
  display: string;
  /** Sort key: numbers sort numerically, null (not judged) sorts last either way. */
  sort: number | string | null;
}

export interface BoardColumn {
  id: string;
  label: string;
  /** Numeric columns align right and sort high-first on the first click. */
  numeric: boolean;
  cell(row: BoardRow): BoardCell;
}

function coveragePercent(share: number | null): string {
  return share === null ? '' : ` (${Math.round(share * 100)}%)`;
}

function headlineColumn(category: CategoryId): BoardColumn {
  return {
    id: category,
    label: CATEGORY_LABELS[category],
    numeric: true,
    cell: (row) => {
      const { score, coverage } = row.headline[category];
      return {
        display: `${formatScore(score)}${score === null ? '' : coveragePercent(coverage)}`,
        sort: score,
      };
    },
  };
}

function componentColumn(path: string): BoardColumn {
  return {
    id: path,
    label: componentLabel(path),
    numeric: true,
    cell: (row) => {
      const score = row.components[path] ?? null;
      return { display: formatScore(score), sort: score };
    },
  };
}

function rateColumn(id: string, label: string, rate: (row: BoardRow) => number | null): BoardColumn {
  return { id, label, numeric: true, cell: (row) => ({ display: formatRate(rate(row)), sort: rate(row) }) };
}

/** `1.23 EUR`: two decimals from 1 on, three significant digits below (cheap models cost cents). */
export function formatMoney(amount: number, currency: string): string {
  const text = amount >= 1 ? amount.toFixed(2) : amount.toPrecision(3);
  return `${text} ${currency}`;
}

function staleDisplay(row: BoardRow): string {
  const reasons: string[] = [];
  if (row.staleness.runStale) reasons.push(`run ${row.staleness.ageDays} d old`);
  const facts = row.staleness.staleFacts.length;
  if (facts > 0) reasons.push(`${facts} fact${facts === 1 ? '' : 's'} past re-verify`);
  return reasons.length > 0 ? `stale: ${reasons.join(', ')}` : 'fresh';
}

export const BOARD_COLUMNS: readonly BoardColumn[] = [
  {
    id: 'target',
    label: 'Target',
    numeric: false,
    cell: (row) => ({ display: row.name, sort: row.name.toLowerCase() }),
  },
  {
    id: 'model',
    label: 'Model',
    numeric: false,
    cell: (row) => ({ display: row.model, sort: row.model.toLowerCase() }),
  },
  ...CATEGORY_IDS.map(headlineColumn),
  ...KEY_COMPONENTS.map(componentColumn),
  {
    id: 'ttft',
    label: 'TTFT p50 / p95',
    numeric: true,
    cell: (row) => ({
      display: `${formatMs(row.latency.ttftP50)} / ${formatMs(row.latency.ttftP95)}`,
      sort: row.latency.ttftP50 === null ? null : -row.latency.ttftP50,
    }),
  },
  rateColumn('jsonValid', 'JSON valid', (row) => row.jsonMode.validRate),
  rateColumn('toolCalls', 'Tool calls valid', (row) => row.toolCalls.validArgumentsRate),
  {
    id: 'cost',
    label: 'Cost / 1k agent tasks',
    numeric: true,
    cell: (row) =>
      row.costPer1kTasks
        ? {
            display: formatMoney(row.costPer1kTasks.amount, row.costPer1kTasks.currency),
            sort: -row.costPer1kTasks.amount,
          }
        : { display: NULL_DISPLAY, sort: null },
  },
  {
    id: 'evaluated',
    label: 'Evaluated',
    numeric: true,
    cell: (row) => ({ display: formatDate(row.startedAt), sort: Date.parse(row.startedAt) || null }),
  },
  {
    id: 'staleness',
    label: 'Staleness',
    numeric: false,
    cell: (row) => ({ display: staleDisplay(row), sort: row.staleness.stale ? 1 : 0 }),
  },
];
