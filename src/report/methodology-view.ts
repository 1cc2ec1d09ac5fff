/** @module Methodology: versions, completeness, sample sizes and where every component's score came from. */
import type { Scorecard } from '../spec/scorecard.ts';
import { formatDateTime, formatDuration } from './format.ts';
import type { CategorySection, ClaimRow, LabelValue } from './report-rows.ts';

export interface MethodologyComponentRow {
  category: string;
  label: string;
  display: string;
  source: string;
  evidenceCount: string;
  caps: string;
  unverified: string;
}

export interface MethodologyView {
  rubricVersion: string;
  harnessVersion: string;
  started: string;
  finished: string;
  duration: string;
  complete: boolean;
  completeLabel: string;
  runId: string;
  facts: LabelValue[];
  sampleSizes: LabelValue[];
  reasons: LabelValue[];
  components: MethodologyComponentRow[];
  attestedClaims: ClaimRow[];
  notes: string[];
}

export const INCOMPLETE_BANNER =
  'INCOMPLETE RUN: not every planned probe produced a result, so some scores rest on less evidence than the rubric expects.';

export function methodologyView(input: {
  scorecard: Scorecard;
  categories: CategorySection[];
  runId: string | null;
  resultLines: number;
  reasons: Map<string, number>;
  attestedClaims: ClaimRow[];
}): MethodologyView {
  const { scorecard, categories } = input;
  const { probes, metrics } = scorecard;
  return {
    rubricVersion: scorecard.rubricVersion,
    harnessVersion: scorecard.harnessVersion,
    started: formatDateTime(scorecard.startedAt),
    finished: formatDateTime(scorecard.finishedAt),
    duration: formatDuration(scorecard.startedAt, scorecard.finishedAt),
    complete: scorecard.complete,
    completeLabel: scorecard.complete ? 'Complete' : 'INCOMPLETE',
    runId: input.runId ?? '--',
    facts: [
      { label: 'Probe results', value: `${probes.total} total` },
      { label: 'Passed', value: String(probes.passed) },
      { label: 'Failed', value: String(probes.failed) },
      { label: 'Errored', value: String(probes.errored) },
      { label: 'Skipped', value: String(probes.skipped) },
      { label: 'Result lines read', value: String(input.resultLines) },
      ...(scorecard.target.contacted
        ? [
            {
              label: 'Host contacted',
              value: `${scorecard.target.contacted.host} (${scorecard.target.contacted.addresses.join(', ') || 'not resolved'})`,
            },
          ]
        : []),
    ],
    sampleSizes: [
      { label: 'Latency (streamed requests)', value: String(metrics.latency.samples) },
      { label: 'JSON mode', value: String(metrics.jsonMode.samples) },
      { label: 'Tool calls', value: String(metrics.toolCalls.samples) },
      { label: 'Availability', value: String(metrics.availability.samples) },
    ],
    reasons: [...input.reasons.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([reason, count]) => ({ label: reason, value: String(count) })),
    components: categories.flatMap((category) =>
      category.components.map((row) => ({
        category: category.title,
        label: row.label,
        display: row.display,
        source: row.sourceLabel,
        evidenceCount: String(row.evidenceCount),
        caps: row.caps.join('; ') || '--',
        unverified: row.unverified.join(', ') || '--',
      })),
    ),
    attestedClaims: input.attestedClaims,
    notes: [
      'A score shown as -- could not be judged; it never counts as a pass.',
      'Measured components come from live probe checks; attested ones from dated documents in the target profile.',
      'Attested evidence past its re-verify-by date is stale and counts as unknown.',
      'Rates carry their sample count and a 95 % Wilson interval.',
      'Latency: TTFT runs from request start to the first SSE event carrying content or a tool-call delta; e2e to end of body or [DONE].',
    ],
  };
}
