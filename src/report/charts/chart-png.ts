/** @module Renders one Chart.js configuration to a PNG with @napi-rs/canvas, no DOM needed. */
import { createRequire } from 'node:module';
import type * as CanvasModule from '@napi-rs/canvas';
import type * as ChartModule from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';

// chart.js (its CommonJS build) and the native canvas are required on the first chart, so a command
// or a reporter set that draws none does not load them (~50 ms of module loading and dlopen).
const require = createRequire(import.meta.url);
let libraries:
  | { Chart: typeof ChartModule.Chart; createCanvas: typeof CanvasModule.createCanvas }
  | undefined;

export interface ChartImage {
  name: string;
  png: Buffer;
  width: number;
  height: number;
}

function loadOnce(): NonNullable<typeof libraries> {
  if (libraries) return libraries;
  const { Chart, registerables } = require('chart.js') as typeof ChartModule;
  const { createCanvas } = require('@napi-rs/canvas') as typeof CanvasModule;
  Chart.register(...registerables);
  Chart.defaults.font.family = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
  Chart.defaults.color = '#1f2937';
  libraries = { Chart, createCanvas };
  return libraries;
}

/** PNGs are transparent by default; paint white so they read on dark viewers and in print. */
const whiteBackground: Plugin = {
  id: 'agentscore-white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draw `config` once (no animation, fixed size), encode it and free the chart. */
export function renderChartPng(
  name: string,
  config: ChartConfiguration,
  width: number,
  height: number,
): ChartImage {
  const { Chart, createCanvas } = loadOnce();
  const canvas = createCanvas(width, height);
  // Chart.js only needs the 2D context API, which @napi-rs/canvas implements; its types differ from the DOM's.
  const context = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
  const chart = new Chart(context, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(config.plugins ?? []), whiteBackground],
  });
  try {
    return { name, png: canvas.toBuffer('image/png'), width, height };
  } finally {
    chart.destroy();
  }
}
