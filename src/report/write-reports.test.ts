import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mistralProfile } from './__fixtures__/profile.ts';
import { fixtureResults, manyResults } from './__fixtures__/results.ts';
import { fullScorecard } from './__fixtures__/scorecards.ts';
import type { Reporter } from './reporter.ts';
import { chooseReporters, type ReporterFailure, runReporters, writeReports } from './write-reports.ts';

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
      join(runDir, 'report.json'),
      join(runDir, 'dpa-assessment.md'),
      join(runDir, 'dpa-assessment.html'),
      junitFile,
    ]);
    expect(await readdir(runDir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
    expect(await readdir(join(runDir, 'charts'))).toHaveLength(4);
    expect(await readFile(join(runDir, 'report.md'), 'utf8')).toMatch(/^# Mistral AI API\n/);
    expect(await readFile(junitFile, 'utf8')).toMatch(/^<\?xml/);
    const json = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8'));
    expect(json).toMatchObject({ schemaVersion: 1, header: { title: 'Mistral AI API' } });
  });

  it('writes only the reporters asked for', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'agentscore-reports-'));
    const paths = await writeReports({
      runDir,
      scorecard: fullScorecard(),
      results: fixtureResults(),
      profile: mistralProfile(),
      reporters: ['markdown', 'junit'],
    });
    expect(paths).toEqual([join(runDir, 'report.md'), join(runDir, 'junit.xml')]);
    expect((await readdir(runDir)).sort()).toEqual(['junit.xml', 'report.md']);
  });

  it('isolates a failing reporter: its error is reported once, the others still write', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'agentscore-reports-'));
    const seen: string[] = [];
    const broken: Reporter = {
      onRunStart: () => {
        seen.push('start');
      },
      onResult: () => {
        throw new Error('disk full');
      },
      onRunEnd: () => {
        seen.push('end');
        return [];
      },
    };
    const counting: Reporter = {
      onResult: () => {
        seen.push('result');
      },
      onRunEnd: (context) => [`${context.data().header.title}.txt`],
    };
    const reported: ReporterFailure[] = [];
    const input = {
      runDir,
      scorecard: fullScorecard(),
      results: fixtureResults().slice(0, 2),
      profile: null,
      onReporterError: (failure: ReporterFailure) => reported.push(failure),
    };
    const { written, failures } = await runReporters(
      [
        ['broken', broken],
        ['counting', counting],
      ],
      input,
    );
    expect(written).toEqual(['Mistral AI API.txt']);
    expect(seen).toEqual(['start', 'result', 'result']);
    expect(failures).toEqual(reported);
    expect(failures.map(({ reporter, hook }) => ({ reporter, hook }))).toEqual([
      { reporter: 'broken', hook: 'onResult' },
    ]);
  });

  it('defaults to markdown, html, charts, json and the DPA assessment, adding junit for --junit', () => {
    expect(chooseReporters(undefined)).toEqual(['markdown', 'html', 'charts', 'json', 'dpa']);
    expect(chooseReporters(undefined, 'out/junit.xml')).toEqual([
      'markdown',
      'html',
      'charts',
      'json',
      'dpa',
      'junit',
    ]);
    expect(chooseReporters(['html'], 'j.xml')).toEqual(['html', 'junit']);
    expect(chooseReporters(['junit', 'console'], 'j.xml')).toEqual(['junit', 'console']);
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
