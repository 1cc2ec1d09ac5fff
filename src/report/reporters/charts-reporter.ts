/** @module charts/*.png as a reporter (the same images report.html embeds). */
import { writeCharts } from '../charts/render-charts.ts';
import type { Reporter } from '../reporter.ts';

export function chartsReporter(): Reporter {
  return {
    onRunEnd: (context) => writeCharts(context.runDir, context.chartImages()),
  };
}
