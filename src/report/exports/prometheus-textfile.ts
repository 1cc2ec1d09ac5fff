/**
 * @module Scores as Prometheus gauges in the text exposition format, for node_exporter's textfile
 * collector (write to a `*.prom` file atomically). A score that could not be judged is omitted,
 * never written as 0: a missing series is honest, a zero would page someone.
 */
import { CATEGORY_IDS, type Scorecard } from '../../spec/scorecard.ts';

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labels(pairs: Record<string, string>): string {
  return `{${Object.entries(pairs)
    .map(([name, value]) => `${name}="${label(value)}"`)
    .join(',')}}`;
}

interface Family {
  name: string;
  help: string;
  samples: { labels: Record<string, string>; value: number }[];
}

function seconds(milliseconds: number | null | undefined): number | null {
  return milliseconds === null || milliseconds === undefined ? null : milliseconds / 1000;
}

function families(scorecard: Scorecard): Family[] {
  const target = scorecard.target.name;
  const categories: Family = {
    name: 'agentscore_category_score',
    help: 'Headline score 0-100 per category.',
    samples: [],
  };
  const components: Family = {
    name: 'agentscore_component_score',
    help: 'Component score 0-100.',
    samples: [],
  };
  const coverage: Family = {
    name: 'agentscore_category_coverage_ratio',
    help: 'Share of a category judged by evidence (0-1).',
    samples: [],
  };
  for (const category of CATEGORY_IDS) {
    const score = scorecard.scores[category];
    if (score?.score !== null && score?.score !== undefined)
      categories.samples.push({ labels: { target, category }, value: score.score });
    if (score?.coverage) coverage.samples.push({ labels: { target, category }, value: score.coverage.share });
    for (const [component, value] of Object.entries(score?.components ?? {})) {
      if (value?.score === null || value?.score === undefined) continue;
      components.samples.push({ labels: { target, category, component }, value: value.score });
    }
  }
  const { latency, jsonMode, toolCalls, availability } = scorecard.metrics;
  const metric = (name: string, help: string, value: number | null | undefined): Family => ({
    name,
    help,
    samples: value === null || value === undefined ? [] : [{ labels: { target }, value }],
  });
  return [
    categories,
    components,
    coverage,
    // Prometheus names carry base units: seconds, as promtool's lint asks, not milliseconds.
    metric('agentscore_ttft_p50_seconds', 'Time to first token, median.', seconds(latency.ttftMs.p50)),
    metric(
      'agentscore_ttft_p95_seconds',
      'Time to first token, 95th percentile.',
      seconds(latency.ttftMs.p95),
    ),
    metric('agentscore_e2e_p95_seconds', 'End-to-end latency, 95th percentile.', seconds(latency.e2eMs.p95)),
    metric('agentscore_json_valid_ratio', 'JSON-mode responses that parse (0-1).', jsonMode.validRate),
    metric(
      'agentscore_tool_call_repeated_ratio',
      'Repeated tool calls in agent loops (0-1).',
      toolCalls.repeatedCallRate,
    ),
    metric(
      'agentscore_availability_ratio',
      'Requests answered without a transport error or 5xx (0-1).',
      availability.successRate,
    ),
    metric('agentscore_run_complete', '1 when the run finished its plan.', scorecard.complete ? 1 : 0),
    metric(
      'agentscore_run_valid',
      '1 when the run measured the target.',
      scorecard.validity?.valid === false ? 0 : 1,
    ),
    metric(
      'agentscore_run_finished_timestamp_seconds',
      'When the run finished (Unix time).',
      Date.parse(scorecard.finishedAt) / 1000 || null,
    ),
  ];
}

export function renderPrometheusTextfile(scorecard: Scorecard): string {
  const lines: string[] = [];
  for (const family of families(scorecard)) {
    if (family.samples.length === 0) continue;
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} gauge`);
    for (const sample of family.samples) lines.push(`${family.name}${labels(sample.labels)} ${sample.value}`);
  }
  return `${lines.join('\n')}\n`;
}
