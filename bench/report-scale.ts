/** @module bench/report-scale — 100,000 results through scoring and reports, in a child so its peak RSS is its own. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { round } from './percentile.ts';

export interface ReportScaleFigures {
  report_100k_seconds: number;
  report_100k_peak_mb: number;
}

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./report-scale-child.ts', import.meta.url));

export async function measureReportScale(count = 100_000): Promise<ReportScaleFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [RUN_TS, CHILD, String(count)], {
    timeout: 120_000,
    maxBuffer: 1024 * 1024,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const measured = JSON.parse(line) as { seconds: number; peakMb: number; probes: number };
  if (measured.probes !== count) throw new Error(`scored ${measured.probes} of ${count} synthetic results`);
  return { report_100k_seconds: round(measured.seconds), report_100k_peak_mb: Math.round(measured.peakMb) };
}
