/** @module dpa-assessment.md: the vendor assessment as Markdown a DPO can paste into a DPIA or file. */
import { safeHref } from '../anchors.ts';
import { escapeTableCell as cell, escapeMarkdown as md } from '../escape-markdown.ts';
import { formatDate, formatDateTime } from '../format.ts';
import type { DpaAssessment, FactEntry, MeasureEntry, ResultRef } from './dpa-assessment.ts';

function refText(ref: ResultRef): string {
  const where = ref.line === null ? 'results.jsonl' : `results.jsonl line ${ref.line}`;
  return `${where} (${ref.probe}, ${ref.status}, ${formatDateTime(ref.date)})`;
}

function source(fact: FactEntry): string {
  if (!fact.sourceUrl) return 'no source on file';
  const href = safeHref(fact.sourceUrl);
  return href ? `[${md(fact.sourceUrl)}](${href})` : md(fact.sourceUrl);
}

function factLines(fact: FactEntry): string[] {
  const verdict = fact.absent ? 'unknown (no fact on file)' : fact.stale ? 'unknown (stale)' : fact.verdict;
  const lines = [
    `### ${fact.id} — ${md(fact.title)} (${md(fact.articles)})`,
    '',
    `- Verdict: **${verdict}**`,
  ];
  if (fact.absent) return [...lines, ''];
  lines.push(`- What the provider's documents say: “${md(fact.quote)}”`);
  lines.push(`- Source: ${source(fact)} (confidence: ${md(fact.confidence)})`);
  lines.push(
    `- Dates: effective ${fact.effectiveDate ? formatDate(fact.effectiveDate) : 'undated'}, retrieved ${formatDate(fact.retrievedDate)}, ${fact.stale ? 'stale since' : 'fresh until'} ${formatDate(fact.reverifyBy)}`,
  );
  return [...lines, ''];
}

function measureLines(measure: MeasureEntry): string[] {
  const { passed, partial, failed } = measure.counts;
  const lines = [
    `### ${md(measure.title)} (${md(measure.articles)})`,
    '',
    `- Verdict: **${measure.verdict}**${measure.verdict === 'not tested' ? '' : ` (${passed} passed, ${partial} partial, ${failed} failed)`}`,
  ];
  if (measure.heldSince)
    lines.push(
      `- Held since ${formatDate(measure.heldSince.since)} over ${measure.heldSince.runs} stored runs`,
    );
  for (const ref of measure.evidence) lines.push(`- Evidence: ${refText(ref)}: ${md(ref.detail)}`);
  if (measure.moreEvidence > 0) lines.push(`- … and ${measure.moreEvidence} more results in results.jsonl`);
  return [...lines, ''];
}

function header(assessment: DpaAssessment): string[] {
  const { target, run, processing } = assessment;
  const lines = [
    `# Vendor assessment: ${md(target.name)} as a processor (GDPR Art. 28, 32, Chapter V, Art. 35)`,
    '',
  ];
  if (run.invalidReason)
    lines.push(
      `> **This run could not measure the target:** ${md(run.invalidReason)}. Nothing below was verified by test.`,
      '',
    );
  else if (!run.complete)
    lines.push('> **Incomplete run:** some probes did not run; untested measures are listed as such.', '');
  lines.push(
    `Evaluated ${formatDateTime(run.startedAt)} to ${formatDateTime(run.finishedAt)} with agentscore ${md(run.harnessVersion)}, rubric ${md(run.rubricVersion)}${run.rubric ? ` (${md(run.rubric)})` : ''}, target profile ${md(run.profile ?? 'none')}. Every measured statement names its line in this run's results.jsonl; every documentary one names its source.`,
    '',
    '## The processing described',
    '',
    `- Provider and endpoint: ${md(target.provider)}, ${md(target.baseUrl)}, model ${md(target.model)}`,
    `- Endpoints used: ${processing.endpoints.map((endpoint) => `\`${endpoint.replace(/`/g, '')}\``).join(', ') || 'none'}`,
    `- Models: ${processing.models.map(md).join(', ')}`,
    `- Data the probes sent: ${processing.dataCategories.map(md).join('; ') || 'none'}`,
    `- Regional endpoints called: ${processing.regional.length ? processing.regional.map(md).join('; ') : 'none listed for this target'}`,
    `- Host contacted: ${md(target.host ?? 'not recorded')}${target.addresses.length ? ` (${target.addresses.map(md).join(', ')})` : ''}. A residency hint only: the address that answered says where a server stood, not where data is processed or stored.`,
    '',
  );
  return lines;
}

export function renderDpaMarkdown(assessment: DpaAssessment): string {
  const lines = header(assessment);
  lines.push('## Summary for the DPIA', '');
  if (assessment.risks.length === 0) lines.push('No risk was found by test or in the documents on file.', '');
  for (const risk of assessment.risks)
    lines.push(
      `- **${md(risk.risk)}** Evidence: ${md(risk.evidence)} (${md(risk.ref)}). Suggested measure: ${md(risk.measure)}`,
    );
  lines.push(
    '',
    '## Art. 28(3): what the processor must commit to',
    '',
    '| Point | Requirement | Verdict | Basis |',
    '|---|---|---|---|',
  );
  for (const point of assessment.article28)
    lines.push(
      `| (${point.letter}) | ${cell(point.requirement)} | ${point.verdict} | ${cell(point.basis.join('; '))} |`,
    );
  lines.push('', '## Documentary criteria (attested facts)', '');
  for (const fact of assessment.facts) lines.push(...factLines(fact));
  lines.push('## Art. 32 measures verified by test', '');
  for (const measure of assessment.measures) lines.push(...measureLines(measure));
  lines.push('## Open questions for the vendor', '');
  if (assessment.questions.length === 0)
    lines.push('None: every criterion has a fresh fact and every measure was tested.');
  for (const [index, question] of assessment.questions.entries()) {
    lines.push(
      `${index + 1}. ${md(question.text)} (${md(question.articles)}; ${question.about}: ${question.because})`,
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
