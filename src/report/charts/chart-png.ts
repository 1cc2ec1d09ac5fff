/** @module Renders one Chart.js configuration to a PNG with @napi-rs/canvas, no DOM needed. */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';

export interface ChartImage {
  name: string;
  png: Buffer;
  width: number;
  height: number;
}

let registered = false;

function registerOnce(): void {
  if (registered) return;
  Chart.register(...registerables);
  Chart.defaults.font.family = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
  Chart.defaults.color = '#1f2937';
  registered = true;
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
  registerOnce();
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
