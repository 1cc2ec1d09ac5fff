/** @module Renders every chart a report lists and writes them to RUN_DIR/charts/. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import type { ReportData } from '../report-data.ts';
import type { ChartRef, ChartSeries } from '../report-rows.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import {
  componentBarsConfig,
  latencyConfig,
  radarConfig,
  ratesConfig,
  trendConfig,
} from './chart-configs.ts';
import { type ChartImage, renderChartPng } from './chart-png.ts';

export type { ChartImage } from './chart-png.ts';

const CONFIGS: Record<ChartRef['name'], (series: ChartSeries) => ChartConfiguration | null> = {
  'category-radar': radarConfig,
  'component-bars': componentBarsConfig,
  latency: latencyConfig,
  rates: ratesConfig,
  trend: trendConfig,
};

/** One PNG per chart in `data.charts.refs`, at the size the ref asks for. */
export function renderCharts(data: ReportData): ChartImage[] {
  const images: ChartImage[] = [];
  for (const ref of data.charts.refs) {
    const config = CONFIGS[ref.name](data.charts.series);
    if (config) images.push(renderChartPng(ref.name, config, ref.width, ref.height));
  }
  return images;
}

/** Write `charts/NAME.png` under `runDir`; returns the written paths. */
export async function writeCharts(runDir: string, images: ChartImage[]): Promise<string[]> {
  const directory = join(runDir, 'charts');
  await mkdir(directory, { recursive: true });
  const paths: string[] = [];
  for (const image of images) {
    const path = join(directory, `${image.name}.png`);
    await writeFileAtomic(path, image.png);
    paths.push(path);
  }
  return paths;
}
