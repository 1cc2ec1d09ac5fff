/** @module Chart.js configurations built from ReportData's precomputed series. */
import type { ChartConfiguration } from 'chart.js';
import type { ChartSeries } from '../report-rows.ts';

const TTFT_COLOR = '#2563eb';
const E2E_COLOR = '#d97706';
const GRID = { color: '#e5e7eb' };

function title(text: string) {
  return { display: true, text, font: { size: 16, weight: 'bold' as const }, padding: { bottom: 12 } };
}

export function radarConfig(series: ChartSeries): ChartConfiguration {
  const { labels, values, colors } = series.components;
  return {
    type: 'radar',
    data: {
      labels,
      datasets: [
        {
          label: 'Component score',
          data: values,
          spanGaps: true,
          backgroundColor: 'rgba(37, 99, 235, 0.15)',
          borderColor: '#2563eb',
          pointBackgroundColor: colors,
          pointBorderColor: colors,
          pointRadius: 4,
        },
      ],
    },
    options: {
      layout: { padding: { left: 24, right: 24 } },
      plugins: { legend: { display: false }, title: title('Components (-- = not judged)') },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 20, backdropColor: 'transparent' },
          pointLabels: { font: { size: 11 } },
        },
      },
    },
  };
}

export function componentBarsConfig(series: ChartSeries): ChartConfiguration {
  const { labels, values, colors } = series.components;
  return {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Score', data: values, backgroundColor: colors, borderRadius: 3 }] },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, title: title('Component scores (0-100)') },
      scales: {
        x: { min: 0, max: 100, grid: GRID },
        y: { grid: { display: false }, ticks: { font: { size: 12 } } },
      },
    },
  };
}

export function latencyConfig(series: ChartSeries): ChartConfiguration {
  const { ttft, e2e, ttftSamples, e2eSamples } = series.latency;
  const line = (label: string, data: { x: number; y: number }[], color: string) => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    pointRadius: 0,
    borderWidth: 2,
    stepped: true as const,
  });
  return {
    type: 'line',
    data: {
      datasets: [
        line(`TTFT (n=${ttftSamples})`, ttft, TTFT_COLOR),
        line(`e2e (n=${e2eSamples})`, e2e, E2E_COLOR),
      ],
    },
    options: {
      parsing: false,
      plugins: { title: title('Latency CDF'), legend: { position: 'bottom' } },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'milliseconds' }, grid: GRID },
        y: { min: 0, max: 1, title: { display: true, text: 'share of requests ≤ x' }, grid: GRID },
      },
    },
  };
}

export function ratesConfig(series: ChartSeries): ChartConfiguration {
  const { labels, values } = series.rates;
  const colors = labels.map((label) =>
    label.startsWith('JSON') ? '#7c3aed' : label.startsWith('Tool') ? '#0891b2' : '#16a34a',
  );
  return {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Rate %', data: values, backgroundColor: colors, borderRadius: 3 }] },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, title: title('JSON mode, tool calls and availability (%)') },
      scales: { x: { min: 0, max: 100, grid: GRID }, y: { grid: { display: false } } },
    },
  };
}

export function trendConfig(series: Pick<ChartSeries, 'trend'>): ChartConfiguration | null {
  if (!series.trend) return null;
  return {
    type: 'line',
    data: {
      labels: series.trend.labels,
      datasets: series.trend.series.map((line) => ({
        label: line.label,
        data: line.values,
        borderColor: line.color,
        backgroundColor: line.color,
        spanGaps: true,
        tension: 0.2,
      })),
    },
    options: {
      plugins: { title: title('Scores across runs'), legend: { position: 'bottom' } },
      scales: { y: { min: 0, max: 100, grid: GRID }, x: { grid: { display: false } } },
    },
  };
}
