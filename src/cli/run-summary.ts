/**
 * @module The few lines `run`, `demo` and `monitor` print at the end: the headline scores with how
 * much of each was judged, the probe counts, and where the reports are.
 */
import type { Scorecard } from '../spec/scorecard.ts';
import type { TerminalStyle } from './terminal-style.ts';

const CATEGORIES = [
  ['agentFriendliness', 'Agent Friendliness'],
  ['security', 'Security'],
  ['reliability', 'Reliability'],
  ['dataProtection', 'Data Protection'],
] as const;

/** The run folder's files worth pointing at, in the order a reader opens them. */
export const REPORT_FILES = ['report.html', 'report.md', 'scorecard.json', 'dpa-assessment.md', 'junit.xml'];

export interface RunSummaryInput {
  scorecard: Scorecard;
  /** Requests sent and answered with 429, when the run was executed (not re-scored). */
  requests?: { sent: number; throttled: number };
  /** Whether the scores are measurements (an unmeasurable run prints no headline). */
  measured: boolean;
  runDir: string;
  /** Files written in the run folder, by name (only those that exist are listed). */
  files: string[];
}

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? '--' : String(value);
}

/**
 * The headline as one line (`Agent Friendliness 77/100 · Security 50/100 · ...`, which scripts
 * read) with the judged share aligned under each score; on a terminal narrower than that line, one
 * category per row instead. `width` null: no terminal, no limit.
 */
function headlineLines(scorecard: Scorecard, style: TerminalStyle, width: number | null): string[] {
  const rows = CATEGORIES.map(([id, title]) => {
    const category = scorecard.scores[id];
    const share = category.coverage?.share;
    return {
      title,
      value: category.score,
      score: `${scoreText(category.score)}/100`,
      judged: share === undefined ? '' : `${Math.round(share * 100)} % judged`,
    };
  });
  const anyJudged = rows.some((row) => row.judged !== '');
  const segments = rows.map((row) => `${row.title} ${row.score}`);
  const oneLine = segments.join(' · ');
  if (width === null || oneLine.length <= width) {
    const lines = [rows.map((row) => `${row.title} ${style.score(row.value, row.score)}`).join(' · ')];
    if (anyJudged) {
      // Each share starts under the start of its own segment.
      let under = '';
      let start = 0;
      for (const [index, segment] of segments.entries()) {
        under = `${under.padEnd(start)}${rows[index]?.judged ?? ''}`;
        start += segment.length + ' · '.length;
      }
      lines.push(style.dim(under.trimEnd()));
    }
    return lines;
  }
  const titleWidth = Math.max(...rows.map((row) => row.title.length));
  return rows.map((row) =>
    `${row.title.padEnd(titleWidth)}  ${style.score(row.value, row.score.padStart(7))}  ${style.dim(row.judged)}`.trimEnd(),
  );
}

export function runSummaryLines(
  input: RunSummaryInput,
  style: TerminalStyle,
  width: number | null,
): string[] {
  const { scorecard, requests } = input;
  const { probes } = scorecard;
  const count = (value: number, word: string) => {
    const text = `${value} ${word}`;
    return value > 0 ? style.red(text) : text;
  };
  const requestText = requests
    ? ` · ${requests.sent} requests${requests.throttled ? `, ${style.yellow(`${requests.throttled} throttled`)}` : ''}`
    : '';
  return [
    ...(input.measured ? headlineLines(scorecard, style, width) : []),
    `${probes.total} probes: ${style.green(`${probes.passed} passed`)}, ${count(probes.failed, 'failed')}, ${count(probes.errored, 'errored')}, ${probes.skipped} skipped${requestText}`,
    `reports in ${input.runDir}: ${input.files.join(', ')}`,
  ];
}
