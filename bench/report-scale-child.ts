/**
 * @module bench/report-scale-child — child process: N synthetic results through scoring and every
 * report format; prints one JSON line with the seconds taken and this process's peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeReports } from '../src/report/write-reports.ts';
import { PROJECT_PATHS } from '../src/run/project-paths.ts';
import { computeScorecard } from '../src/scoring/compute-scorecard.ts';
import { loadRubric } from '../src/suite/load-rubric.ts';
import { syntheticResults } from './synthetic-results.ts';

const count = Number(process.argv[2] ?? 100_000);
const rubric = await loadRubric(PROJECT_PATHS.rubric);
const results = syntheticResults(count, rubric);
const runDir = mkdtempSync(join(tmpdir(), 'agentscore-bench-report-'));
try {
  const start = performance.now();
  const scorecard = computeScorecard({
    results,
    rubric,
    profile: null,
    target: { name: 'bench', provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:1', model: 'bench' },
    harnessVersion: 'bench',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T01:00:00.000Z',
    asOf: '2026-01-01',
    complete: true,
  });
  const written = await writeReports({ runDir, scorecard, results, profile: null });
  const seconds = (performance.now() - start) / 1000;
  // maxRSS is in kilobytes.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, peakMb, files: written.length, probes: scorecard.probes.total })}\n`,
  );
} finally {
  rmSync(runDir, { recursive: true, force: true });
}
