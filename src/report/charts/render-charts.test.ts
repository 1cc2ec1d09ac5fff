import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResults } from '../__fixtures__/results.ts';
import { fullScorecard, nullScorecard } from '../__fixtures__/scorecards.ts';
import { buildReportData } from '../report-data.ts';
import { renderCharts, writeCharts } from './render-charts.ts';
import { renderTrendChartFile, TREND_CHART_SIZE } from './trend-chart-file.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must follow the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderCharts', () => {
  it('renders every listed chart as a PNG of the requested size', () => {
    const history = [{ runId: 'earlier', startedAt: '2026-03-01T00:00:00Z', scores: { security: 80 } }];
    const data = buildReportData({
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: null,
      history,
      runDir: 'r',
    });
    const images = renderCharts(data);
    expect(images.map((image) => image.name)).toEqual([
      'category-radar',
      'component-bars',
      'latency',
      'rates',
      'trend',
    ]);
    for (const image of images) {
      const ref = data.charts.refs.find((candidate) => candidate.name === image.name)!;
      expect(pngSize(image.png)).toEqual({ width: ref.width, height: ref.height });
      expect(image.png.length).toBeGreaterThan(2_000);
    }
  });

  it('copes with a scorecard of nulls and writes charts/NAME.png', async () => {
    const data = buildReportData({ scorecard: nullScorecard(), results: [], profile: null, runDir: 'r' });
    const images = renderCharts(data);
    expect(images.map((image) => image.name)).toEqual(['category-radar', 'component-bars', 'rates']);
    const runDir = await mkdtemp(join(tmpdir(), 'agentscore-charts-'));
    try {
      const paths = await writeCharts(runDir, images);
      expect(paths).toEqual(images.map((image) => join(runDir, 'charts', `${image.name}.png`)));
      expect(pngSize(await readFile(paths[0]!))).toEqual({
        width: images[0]!.width,
        height: images[0]!.height,
      });
    } finally {
      await rm(runDir, { recursive: true, force: true });
    }
  });
});

describe('renderTrendChartFile', () => {
  it('writes the trend of stored runs as a PNG', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'agentscore-trend-'));
    try {
      const points = [
        { runId: 'b', startedAt: '2026-03-02T00:00:00Z', scores: { agentFriendliness: 61, security: null } },
        { runId: 'a', startedAt: '2026-03-01T00:00:00Z', scores: { agentFriendliness: 60, security: 82 } },
      ];
      const path = await renderTrendChartFile(points, join(directory, 'nested', 'trend.png'));
      expect(pngSize(await readFile(path))).toEqual(TREND_CHART_SIZE);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
