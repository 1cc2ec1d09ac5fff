/**
 * @module The reporter multiplexer: builds the report model once, fans the run's events out to
 * the chosen reporters, and isolates a failing reporter (its error is reported, the others write).
 */
import { mkdir } from 'node:fs/promises';
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import type { AlternativeInput } from './alternatives-view.ts';
import { renderCharts } from './charts/render-charts.ts';
import type { HistoricRun } from './dpa/held-since.ts';
import { buildReportData, type HistoryPoint } from './report-data.ts';
import type { Reporter, ReporterOptions, RunEndContext } from './reporter.ts';
import { DEFAULT_REPORTERS, type ReporterName } from './reporter-names.ts';
import { REPORTERS } from './reporter-registry.ts';

export interface WriteReportsInput {
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  profile: TargetProfile | null;
  history?: HistoryPoint[];
  /** Earlier stored runs with their results, newest first (for how long each measure has held). */
  priorRuns?: readonly HistoricRun[];
  /** Where to write junit.xml (resolved against the working directory); also turns the junit reporter on. */
  junitFile?: string;
  /** Reporters to run, in order; default markdown, html, charts, json (+ junit with `junitFile`). */
  reporters?: readonly ReporterName[];
  /** Told about each reporter that failed; default: one line on stderr. */
  onReporterError?: (failure: ReporterFailure) => void;
  reporterOptions?: ReporterOptions;
  /** Other evaluated targets: the reports gain an Alternatives section. */
  alternatives?: readonly AlternativeInput[];
}

export interface ReporterFailure {
  reporter: string;
  hook: 'onRunStart' | 'onResult' | 'onRunEnd';
  error: unknown;
}

/** The reporters to run: the given list, or the defaults; `junitFile` adds junit when not listed. */
export function chooseReporters(
  reporters: readonly ReporterName[] | undefined,
  junitFile?: string,
): ReporterName[] {
  const chosen = [...(reporters && reporters.length > 0 ? reporters : DEFAULT_REPORTERS)];
  if (junitFile && !chosen.includes('junit')) chosen.push('junit');
  return chosen;
}

function once<T>(build: () => T): () => T {
  let value: { result: T } | undefined;
  return () => {
    value ??= { result: build() };
    return value.result;
  };
}

function reportToStderr(failure: ReporterFailure): void {
  const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
  process.stderr.write(`reporter "${failure.reporter}" failed in ${failure.hook}: ${message}\n`);
}

/** Run named reporters through every hook; a reporter whose hook throws is skipped from then on. */
export async function runReporters(
  named: readonly (readonly [string, Reporter])[],
  input: WriteReportsInput,
): Promise<{ written: string[]; failures: ReporterFailure[] }> {
  const failures: ReporterFailure[] = [];
  const failed = new Set<string>();
  const call = async <T>(name: string, hook: ReporterFailure['hook'], run: () => T | Promise<T>) => {
    if (failed.has(name)) return undefined;
    try {
      return await run();
    } catch (error) {
      failed.add(name);
      failures.push({ reporter: name, hook, error });
      (input.onReporterError ?? reportToStderr)({ reporter: name, hook, error });
      return undefined;
    }
  };
  const data = once(() =>
    buildReportData({
      scorecard: input.scorecard,
      results: input.results,
      profile: input.profile,
      history: input.history,
      runDir: input.runDir,
      alternatives: input.alternatives,
    }),
  );
  const context: RunEndContext = {
    runDir: input.runDir,
    scorecard: input.scorecard,
    results: input.results,
    profile: input.profile,
    history: input.history,
    priorRuns: input.priorRuns,
    junitFile: input.junitFile,
    data,
    chartImages: once(() => renderCharts(data())),
  };
  for (const [name, reporter] of named) {
    if (reporter.onRunStart)
      await call(name, 'onRunStart', () =>
        reporter.onRunStart!({ runDir: input.runDir, target: input.scorecard.target }),
      );
  }
  // Offline re-rendering replays the stored results, as a shard merge replays its event log.
  for (const [name, reporter] of named) {
    if (!reporter.onResult) continue;
    await call(name, 'onResult', async () => {
      for (const result of input.results) await reporter.onResult!(result);
    });
  }
  const written: string[] = [];
  for (const [name, reporter] of named) {
    if (!reporter.onRunEnd) continue;
    written.push(...((await call(name, 'onRunEnd', () => reporter.onRunEnd!(context))) ?? []));
  }
  return { written, failures };
}

/**
 * Write a run's reports with the chosen built-in reporters (each file atomically).
 * Returns the written paths in reporter order: report.md, report.html, each chart, report.json, junit.xml.
 */
export async function writeReports(input: WriteReportsInput): Promise<string[]> {
  await mkdir(input.runDir, { recursive: true });
  const named = chooseReporters(input.reporters, input.junitFile).map(
    (name) => [name, REPORTERS[name](input.reporterOptions ?? {})] as const,
  );
  return (await runReporters(named, input)).written;
}
