import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../report/__fixtures__/scorecards.ts';
import { namedScorecard, threeEntries } from './__fixtures__/board-entries.ts';
import { BOARD_COLUMNS, formatMoney } from './board-columns.ts';
import { buildBoard } from './board-document.ts';
import { renderBoardHtml } from './render-board-html.ts';
import { renderBoardMarkdown } from './render-board-markdown.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');

function hostileBoard() {
  const entries = threeEntries();
  entries.push({
    scorecard: namedScorecard(
      `${HOSTILE.script}${HOSTILE.link}${HOSTILE.pipes}${HOSTILE.newline}`,
      50,
      '2026-11-26T00:00:00Z',
    ),
    runDir: null,
    profile: null,
  });
  return buildBoard(entries, {
    now: NOW,
    reportHrefOf: (entry) => (entry.runDir ? '../runs/alpha/report.html' : null),
  });
}

describe('board.md', () => {
  const markdown = renderBoardMarkdown(hostileBoard());

  it('is one table with a row per target, links to reports and a re-evaluation list', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toHaveLength(1 + 4);
    expect(rows[0]).toBe(`| ${BOARD_COLUMNS.map((column) => column.label).join(' | ')} |`);
    expect(markdown).toContain('| [alpha](../runs/alpha/report.html) | alpha-model | 70 |');
    expect(markdown).toContain('0.420 EUR');
    expect(markdown).toContain('## Need re-evaluation');
    expect(markdown).toContain(
      '- beta: last run 86 days ago; facts past re-verify: D-DPA (since 2026-11-01)',
    );
  });

  it('keeps hostile target names inside their cell', () => {
    const hostileRow = markdown.split('\n').find((line) => line.includes('alert'))!;
    expect(hostileRow.split(/(?<!\\)\|/).length).toBe(BOARD_COLUMNS.length + 2);
    expect(markdown).not.toContain('\n# injected heading');
    expect(markdown).not.toContain('<script>');
    expect(markdown).toContain('\\[click\\](javascript:');
    expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});

describe('board.html', () => {
  const html = renderBoardHtml(hostileBoard());

  it('is self-contained: a CSP that forbids fetches, and no URL but the relative report links', () => {
    expect(html).toContain(`content="default-src 'none';`);
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls).toEqual(['../runs/alpha/report.html']);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('has a sortable header per column, a row and a radar polygon per target, stale rows marked', () => {
    expect(html.match(/<th data-column=/g)).toHaveLength(BOARD_COLUMNS.length);
    expect(html.match(/<tr( class="stale")? data-target=/g)).toHaveLength(4);
    expect(html.match(/<polygon class="radar-target"/g)).toHaveLength(4);
    expect(html).toContain('<tr class="stale" data-target="0" data-name="beta">');
    expect(html).toContain('<td class="num" data-sort="">--</td>');
  });

  it('escapes target text', () => {
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('formatMoney', () => {
  it('keeps three significant digits under one unit, two decimals above', () => {
    expect(formatMoney(0.004213, 'USD')).toBe('0.00421 USD');
    expect(formatMoney(12.345, 'EUR')).toBe('12.35 EUR');
  });
});
