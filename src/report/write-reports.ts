/** @module Writes a run's reports: report.md, report.html, charts/*.png and optional junit.xml. */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import { renderCharts, writeCharts } from './charts/render-charts.ts';
import { writeDpaAssessment } from './dpa/write-dpa-assessment.ts';
import { renderHtml } from './render-html.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdown } from './render-markdown.ts';
import { buildReportData, type HistoryPoint } from './report-data.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface WriteReportsInput {
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  profile: TargetProfile | null;
  history?: HistoryPoint[];
  /** Where to write junit.xml (resolved against the working directory); omitted → no junit. */
  junitFile?: string;
}

/**
 * Build ReportData once, render every format from it and write each file atomically.
 * Returns the written paths: report.md, report.html, each chart, then junit.xml when asked for.
 */
export async function writeReports(input: WriteReportsInput): Promise<string[]> {
  const { runDir } = input;
  await mkdir(runDir, { recursive: true });
  const data = buildReportData({
    scorecard: input.scorecard,
    results: input.results,
    profile: input.profile,
    history: input.history,
    runDir,
  });
  const images = renderCharts(data);
  const markdown = join(runDir, 'report.md');
  const html = join(runDir, 'report.html');
  await writeFileAtomic(markdown, renderMarkdown(data));
  await writeFileAtomic(html, renderHtml(data, images));
  const charts = await writeCharts(runDir, images);
  const dpa = await writeDpaAssessment(input);
  const written = [markdown, html, ...charts, ...dpa];
  if (input.junitFile) {
    const junit = resolve(input.junitFile);
    await mkdir(dirname(junit), { recursive: true });
    await writeFileAtomic(junit, renderJunit(input.results));
    written.push(junit);
  }
  return written;
}
