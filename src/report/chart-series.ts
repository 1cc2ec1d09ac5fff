/** @module Data series for the PNG charts, precomputed so chart code only maps them to Chart.js. */
import { CATEGORY_IDS, type Scorecard } from '../spec/scorecard.ts';
import { formatDate } from './format.ts';
import { CATEGORY_DISPLAY } from './labels.ts';
import type { CategorySection, CdfPoint, ChartRef, ChartSeries, HistoryPoint } from './report-rows.ts';

const CDF_POINTS = 100;

/** Empirical CDF downsampled to at most 101 points (O(n log n) sort, then constant work). */
export function cdf(samples: number[]): CdfPoint[] {
  const n = samples.length;
  if (n === 0) return [];
  const sorted = Float64Array.from(samples).sort();
  const points: CdfPoint[] = [];
  let previous = -1;
  for (let step = 0; step <= CDF_POINTS; step += 1) {
    const index = Math.round((step / CDF_POINTS) * (n - 1));
    if (index === previous) continue;
    previous = index;
    points.push({ x: sorted[index]!, y: (index + 1) / n });
  }
  return points;
}

function rateValue(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Score lines per category across runs, oldest first (the history store's trend points fit). */
export function historyTrend(history: readonly HistoryPoint[]): NonNullable<ChartSeries['trend']> {
  const points = [...history].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return {
    labels: points.map((point) => formatDate(point.startedAt)),
    series: CATEGORY_IDS.map((id) => ({
      label: CATEGORY_DISPLAY[id].title,
      color: CATEGORY_DISPLAY[id].color,
      values: points.map((point) => point.scores[id] ?? null),
    })),
  };
}

/** History plus this run (unless already stored); null below two runs, where a trend says nothing. */
function trendSeries(
  scorecard: Scorecard,
  runId: string | null,
  history: HistoryPoint[],
): ChartSeries['trend'] {
  const points = [...history];
  if (!points.some((point) => point.runId === runId)) {
    const scores = Object.fromEntries(CATEGORY_IDS.map((id) => [id, scorecard.scores[id]?.score ?? null]));
    points.push({ runId: runId ?? 'this run', startedAt: scorecard.startedAt, scores });
  }
  return points.length < 2 ? null : historyTrend(points);
}

export function chartSeries(input: {
  scorecard: Scorecard;
  categories: CategorySection[];
  ttftSamples: number[];
  e2eSamples: number[];
  runId: string | null;
  history: HistoryPoint[];
}): ChartSeries {
  const { scorecard, categories } = input;
  const components = categories.flatMap((category) =>
    category.components.map((row) => ({ row, color: CATEGORY_DISPLAY[category.id].color })),
  );
  const { jsonMode, toolCalls, availability } = scorecard.metrics;
  return {
    components: {
      labels: components.map(({ row }) => `${row.label} (${row.display})`),
      values: components.map(({ row }) => row.score),
      colors: components.map(({ color }) => color),
    },
    categories: {
      labels: categories.map((category) => category.title),
      values: categories.map((category) => category.score),
      colors: categories.map((category) => CATEGORY_DISPLAY[category.id].color),
    },
    latency: {
      ttft: cdf(input.ttftSamples),
      e2e: cdf(input.e2eSamples),
      ttftSamples: input.ttftSamples.length,
      e2eSamples: input.e2eSamples.length,
    },
    rates: {
      labels: [
        `JSON declared coverage (n=${jsonMode.samples})`,
        `JSON valid (n=${jsonMode.samples})`,
        `JSON schema-valid (n=${jsonMode.samples})`,
        `Tool forced call (n=${toolCalls.samples})`,
        `Tool valid arguments (n=${toolCalls.samples})`,
        `Tool repeated calls, lower is better (n=${toolCalls.samples})`,
        `Availability (n=${availability.samples})`,
      ],
      values: [
        rateValue(jsonMode.declaredCoverage),
        rateValue(jsonMode.validRate),
        rateValue(jsonMode.schemaValidRate),
        rateValue(toolCalls.forcedCallRate),
        rateValue(toolCalls.validArgumentsRate),
        rateValue(toolCalls.repeatedCallRate),
        rateValue(availability.successRate),
      ],
    },
    trend: trendSeries(scorecard, input.runId, input.history),
  };
}

/** Which charts this report has: latency only with samples, trend only with two or more runs. */
export function chartRefs(series: ChartSeries): ChartRef[] {
  const refs: ChartRef[] = [
    {
      name: 'category-radar',
      file: 'charts/category-radar.png',
      alt: 'Radar of every component score',
      width: 760,
      height: 560,
    },
    {
      name: 'component-bars',
      file: 'charts/component-bars.png',
      alt: 'Component scores by category',
      width: 800,
      height: 620,
    },
  ];
  if (series.latency.ttft.length > 0 || series.latency.e2e.length > 0) {
    refs.push({
      name: 'latency',
      file: 'charts/latency.png',
      alt: 'TTFT and end-to-end latency CDF',
      width: 800,
      height: 400,
    });
  }
  refs.push({
    name: 'rates',
    file: 'charts/rates.png',
    alt: 'JSON-mode, tool-call and availability rates',
    width: 800,
    height: 380,
  });
  if (series.trend) {
    refs.push({
      name: 'trend',
      file: 'charts/trend.png',
      alt: 'Category scores across runs',
      width: 800,
      height: 400,
    });
  }
  return refs;
}
