import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, manyResults } from './__fixtures__/results.ts';
import { fullScorecard } from './__fixtures__/scorecards.ts';
import { writeReports } from './write-reports.ts';

let runDir = '';
afterEach(async () => {
  if (runDir) await rm(runDir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes report.md, report.html, charts and junit.xml, leaving no temporary files', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'agentscore-reports-'));
    const junitFile = join(runDir, 'ci', 'junit.xml');
    const paths = await writeReports({
      runDir,
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      junitFile,
    });
    expect(paths).toEqual([
      join(runDir, 'report.md'),
      join(runDir, 'report.html'),
      join(runDir, 'charts', 'category-radar.png'),
      join(runDir, 'charts', 'component-bars.png'),
      join(runDir, 'charts', 'latency.png'),
      join(runDir, 'charts', 'rates.png'),
      junitFile,
    ]);
    expect(await readdir(runDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
    expect(await readdir(join(runDir, 'charts'))).toHaveLength(4);
    expect(await readFile(join(runDir, 'report.md'), 'utf8')).toMatch(/^# Mistral AI API\n/);
    expect(await readFile(junitFile, 'utf8')).toMatch(/^<\?xml/);
  });

  it('renders 100k results within the benchmark budget', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'agentscore-reports-'));
    const results = manyResults(100_000);
    const started = performance.now();
    await writeReports({ runDir, scorecard: fullScorecard(), results, profile: mistralProfile() });
    expect(performance.now() - started).toBeLessThan(5_000);
    const markdown = await readFile(join(runDir, 'report.md'), 'utf8');
    expect(markdown).toMatch(/… and \d+ more failed checks/);
  });
});
