/**
 * @module GitHub Actions output: a job-summary Markdown block for `$GITHUB_STEP_SUMMARY` and
 * `::error` / `::warning` workflow commands for failed gates and regressions. Pure.
 */
import { CATEGORY_IDS, type CategoryId, type Scorecard } from '../../spec/scorecard.ts';
import { escapeTableCell } from '../escape-markdown.ts';

const CATEGORY_TITLES: Record<CategoryId, string> = {
  agentFriendliness: 'Agent Friendliness',
  security: 'Security',
  reliability: 'Reliability',
  dataProtection: 'Data Protection',
};

export interface CiFinding {
  level: 'error' | 'warning';
  title: string;
  message: string;
}

/** Workflow-command escaping (the runner's own rules): data escapes %, CR, LF; properties also : and ,. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotations(findings: readonly CiFinding[]): string {
  return findings
    .map(
      (finding) =>
        `::${finding.level} title=${escapeProperty(finding.title)}::${escapeData(finding.message)}\n`,
    )
    .join('');
}

export function githubStepSummary(
  scorecard: Scorecard,
  findings: readonly CiFinding[],
  reportUrl?: string,
): string {
  const lines = [`### agentscore: ${escapeTableCell(scorecard.target.name)}`, ''];
  if (scorecard.validity?.valid === false)
    lines.push(
      `**Not measured:** ${escapeTableCell(scorecard.validity.message ?? scorecard.validity.reason ?? '')}`,
      '',
    );
  lines.push('| Category | Score | Coverage |', '|---|---:|---:|');
  for (const category of CATEGORY_IDS) {
    const score = scorecard.scores[category];
    const coverage = score?.coverage ? `${Math.round(score.coverage.share * 100)} %` : '--';
    lines.push(`| ${CATEGORY_TITLES[category]} | ${score?.score ?? '--'} | ${coverage} |`);
  }
  const { probes } = scorecard;
  lines.push(
    '',
    `${probes.total} probes: ${probes.passed} passed, ${probes.failed} failed, ${probes.errored} errored, ${probes.skipped} skipped.`,
  );
  if (findings.length > 0) {
    lines.push('');
    for (const finding of findings)
      lines.push(
        `- ${finding.level === 'error' ? '❌' : '⚠️'} **${escapeTableCell(finding.title)}**: ${escapeTableCell(finding.message)}`,
      );
  }
  if (reportUrl) lines.push('', `[Full report](${encodeURI(reportUrl)})`);
  return `${lines.join('\n')}\n`;
}
