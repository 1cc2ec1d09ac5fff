/**
 * @module board.html: one self-contained page. Inline CSS and script only, and a Content Security
 * Policy that forbids every fetch, so no request can leave the page; the table sorts by header and
 * filters by a text box, and the overlay radar is inline SVG. Target text is escaped. Pure.
 */
import { formatDateTime } from '../report/format.ts';
import { escapeXmlAttribute as attribute, escapeXmlText as text } from '../report/xml-escape.ts';
import { BOARD_COLUMNS } from './board-columns.ts';
import type { BoardDocument, BoardRow } from './board-document.ts';
import { RADAR_AXES, radarColour, renderRadarSvg } from './board-radar.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:24px;color:#111827;background:#f9fafb}
h1{margin:0 0 4px;font-size:24px} .muted{color:#6b7280}
.controls{margin:16px 0;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
input[type=search]{font:inherit;padding:6px 10px;border:1px solid #d1d5db;border-radius:6px;min-width:260px}
.table-wrap{overflow-x:auto;background:#fff;border:1px solid #e5e7eb;border-radius:8px}
table{border-collapse:collapse;width:100%} th,td{padding:6px 10px;border-bottom:1px solid #f3f4f6;white-space:nowrap;text-align:left}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"} th[aria-sort=descending] button::after{content:" \\25BC"}
.num{text-align:right;font-variant-numeric:tabular-nums}
tr.stale td{background:#fffbeb} .stale-mark{color:#b45309;font-weight:600}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:middle}
.radar{max-width:560px;width:100%;height:auto;display:block;margin:16px 0}
.radar text{font-size:12px;fill:#374151} .radar-grid{fill:none;stroke:#e5e7eb}
.radar-target{fill-opacity:.08;stroke-width:1.5;stroke-opacity:.85} .radar-target:hover{fill-opacity:.3}
`;

/** Sorting and filtering; the sort keys come from data-sort, empty meaning "not judged" (always last). */
const SCRIPT = `
(() => {
  const table = document.getElementById('board');
  const body = table.tBodies[0];
  const headers = [...table.tHead.rows[0].cells];
  let current = { column: -1, descending: false };
  headers.forEach((header, index) => {
    header.querySelector('button').addEventListener('click', () => {
      const numeric = header.dataset.numeric === '1';
      const descending = current.column === index ? !current.descending : numeric;
      current = { column: index, descending };
      const rows = [...body.rows];
      rows.sort((left, right) => {
        const a = left.cells[index].dataset.sort, b = right.cells[index].dataset.sort;
        if (a === b) return 0;
        if (a === '') return 1;
        if (b === '') return -1;
        const order = numeric ? Number(a) - Number(b) : a.localeCompare(b);
        return descending ? -order : order;
      });
      body.append(...rows);
      headers.forEach((other, otherIndex) => {
        if (otherIndex === index) other.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        else other.removeAttribute('aria-sort');
      });
    });
  });
  const filter = document.getElementById('filter');
  const shown = document.getElementById('shown');
  filter.addEventListener('input', () => {
    const needle = filter.value.trim().toLowerCase();
    let count = 0;
    for (const row of body.rows) {
      const match = needle === '' || row.textContent.toLowerCase().includes(needle);
      row.hidden = !match;
      if (match) count += 1;
      const polygon = document.querySelector('.radar-target[data-target="' + row.dataset.target + '"]');
      if (polygon) polygon.style.display = match ? '' : 'none';
    }
    shown.textContent = String(count);
  });
})();
`;

function sortAttribute(value: number | string | null): string {
  return value === null ? '' : attribute(String(value));
}

function rowHtml(row: BoardRow, index: number): string {
  const cells = BOARD_COLUMNS.map((column) => {
    const cell = column.cell(row);
    const className = column.numeric ? ' class="num"' : '';
    let content = text(cell.display);
    if (column.id === 'target') {
      const swatch = `<span class="swatch" style="background:${radarColour(index)}"></span>`;
      const name = row.reportHref ? `<a href="${attribute(row.reportHref)}">${content}</a>` : content;
      content = `${swatch}${name}`;
    }
    if (column.id === 'staleness' && row.staleness.stale)
      content = `<span class="stale-mark">${content}</span>`;
    return `<td${className} data-sort="${sortAttribute(cell.sort)}">${content}</td>`;
  }).join('');
  const staleClass = row.staleness.stale ? ' class="stale"' : '';
  return `<tr${staleClass} data-target="${index}" data-name="${attribute(row.name)}">${cells}</tr>`;
}

export function renderBoardHtml(board: BoardDocument): string {
  const headers = BOARD_COLUMNS.map(
    (column) =>
      `<th data-column="${attribute(column.id)}" data-numeric="${column.numeric ? '1' : '0'}"${column.numeric ? ' class="num"' : ''}><button type="button">${text(column.label)}</button></th>`,
  ).join('');
  const staleCount = board.rows.filter((row) => row.staleness.stale).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agentscore board</title><style>${CSS}</style></head>
<body>
<h1>Board</h1>
<p class="muted">${board.rows.length} targets, built ${text(formatDateTime(board.generatedAt))}. Scores show the share of their weight judged in brackets; <code>--</code> could not be judged. ${staleCount} need re-evaluation (runs older than ${board.staleAfterDays} days or facts past their re-verify date).</p>
<div class="controls"><label>Filter <input id="filter" type="search" placeholder="name, model, stale…" autocomplete="off"></label><span class="muted"><span id="shown">${board.rows.length}</span> shown; click a column to sort</span></div>
<div class="table-wrap"><table id="board"><thead><tr>${headers}</tr></thead><tbody>
${board.rows.map(rowHtml).join('\n')}
</tbody></table></div>
<h2>Overlay radar</h2>
<p class="muted">${text(RADAR_AXES.map((axis) => axis.label).join(', '))}; 0 at the centre, 100 at the edge. A value that could not be judged is drawn at the centre.</p>
${renderRadarSvg(board.rows)}
<script>${SCRIPT}</script>
</body></html>
`;
}
