/**
 * @module The reporter interface (the vitest / Playwright way): optional lifecycle hooks that
 * receive read-only views of the run; file-writing reporters return the paths they wrote.
 */
import type { ProbeResult } from '../spec/probe-result.ts';
import type { Scorecard } from '../spec/scorecard.ts';
import type { TargetProfile } from '../spec/target-profile.ts';
import type { ChartImage } from './charts/chart-png.ts';
import type { HistoricRun } from './dpa/held-since.ts';
import type { ReportData } from './report-data.ts';
import type { HistoryPoint } from './report-rows.ts';

export interface RunStartInfo {
  runDir: string;
  target: Scorecard['target'];
}

/** Everything a reporter may read at the end of a run; `data` and `chartImages` are built once and shared. */
export interface RunEndContext {
  runDir: string;
  scorecard: Scorecard;
  results: readonly ProbeResult[];
  profile: TargetProfile | null;
  history: readonly HistoryPoint[] | undefined;
  /** Earlier stored runs of this target, newest first, with their results (monitor only). */
  priorRuns: readonly HistoricRun[] | undefined;
  /** Where `--junit FILE` asked for junit.xml, resolved against the working directory. */
  junitFile: string | undefined;
  /** The report model, built on first use. */
  data(): ReportData;
  /** The chart PNGs, rendered on first use. */
  chartImages(): ChartImage[];
}

export interface Reporter {
  onRunStart?(info: RunStartInfo): void | Promise<void>;
  onResult?(result: ProbeResult): void | Promise<void>;
  /** Returns the files written (absolute or run-relative paths), in the order written. */
  onRunEnd?(context: RunEndContext): string[] | Promise<string[]>;
}

/** Options a reporter may need from outside the run (the console reporter's stream). */
export interface ReporterOptions {
  stdout?: { write(text: string): unknown };
}
