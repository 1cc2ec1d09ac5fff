/** @module report.html as a reporter: charts embedded when they render, the page written either way. */
import { join } from 'node:path';
import type { ChartImage } from '../charts/chart-png.ts';
import { renderHtml } from '../render-html.ts';
import type { Reporter, RunEndContext } from '../reporter.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

/** A chart that fails to render is the charts reporter's failure to report; the page still gets written. */
function imagesOrNone(context: RunEndContext): ChartImage[] {
  try {
    return context.chartImages();
  } catch {
    return [];
  }
}

export function htmlReporter(): Reporter {
  return {
    async onRunEnd(context) {
      const path = join(context.runDir, 'report.html');
      await writeFileAtomic(path, renderHtml(context.data(), imagesOrNone(context)));
      return [path];
    },
  };
}
