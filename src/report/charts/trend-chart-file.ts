/** @module The score trend of stored runs as a standalone PNG (`agentscore history --chart FILE`). */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { historyTrend } from '../chart-series.ts';
import type { HistoryPoint } from '../report-rows.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { trendConfig } from './chart-configs.ts';
import { type ChartImage, renderChartPng } from './chart-png.ts';

export const TREND_CHART_SIZE = { width: 800, height: 400 } as const;

/** Render the trend of `points` (any order; sorted by start time) to a PNG. */
export function renderTrendChart(points: readonly HistoryPoint[]): ChartImage {
  const config = trendConfig({ trend: historyTrend(points) })!;
  return renderChartPng('trend', config, TREND_CHART_SIZE.width, TREND_CHART_SIZE.height);
}

/** Render and write the trend PNG atomically to `path`; returns the path. */
export async function renderTrendChartFile(points: readonly HistoryPoint[], path: string): Promise<string> {
  const image = renderTrendChart(points);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, image.png);
  return path;
}
