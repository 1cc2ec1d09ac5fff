/** @module Methodology: versions, completeness, sample sizes and where every component's score came from. */
import type { Scorecard } from '../spec/scorecard.ts';
import { formatDateTime, formatDuration } from './format.ts';
import type { CategorySection, ClaimRow, LabelValue } from './report-rows.ts';

export interface MethodologyComponentRow {
  category: string;
  label: string;
  display: string;
  coverage: string;
  samples: string;
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
  /** Rubric and target profile that produced the scorecard, name and sha256 prefix. */
  inputs: LabelValue[];
  attestedClaims: ClaimRow[];
  notes: string[];
}

export const INCOMPLETE_BANNER =
  'INCOMPLETE RUN: not every planned probe produced a result, so some scores rest on less evidence than the rubric expects.';

/** Enough of the hash to tell two inputs apart at a glance; scorecard.json has all of it. */
const HASH_PREFIX = 12;

function scoringInputs(scorecard: Scorecard): LabelValue[] {
  if (!scorecard.inputs) return [];
  const { rubric, profile } = scorecard.inputs;
  return [
    { label: 'Rubric', value: `${rubric.name} (sha256 ${rubric.sha256.slice(0, HASH_PREFIX)})` },
    {
      label: 'Target profile',
      value: profile ? `${profile.name} (sha256 ${profile.sha256.slice(0, HASH_PREFIX)})` : 'none',
    },
  ];
}

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
        coverage: row.coverage,
        samples: row.samples,
        source: row.sourceLabel,
        evidenceCount: String(row.evidenceCount),
        caps: row.caps.join('; ') || '--',
        unverified: row.unverified.join(', ') || '--',
      })),
    ),
    inputs: scoringInputs(scorecard),
    attestedClaims: input.attestedClaims,
    notes: [
      'A score shown as -- could not be judged (insufficient evidence); it never counts as a pass.',
      "Coverage is the share of a component's published points (a category's weight) that a measurement or an attested fact judged.",
      'Measured components come from live probe checks; attested ones from dated documents in the target profile.',
      'Attested evidence past its re-verify-by date is stale and counts as unknown.',
      'Rates carry their sample count and a 95 % Wilson interval.',
      'Latency: TTFT runs from request start to the first SSE event carrying content or a tool-call delta; e2e to end of body or [DONE].',
    ],
  };
}
