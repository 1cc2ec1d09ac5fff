/** @module Options every evaluating command shares, reading them into run settings, and the run folder. */
import { resolve } from 'node:path';
import { DEFAULT_THRESHOLD_POINTS } from '../history/regression-threshold.ts';
import type { ReporterName } from '../report/reporter-names.ts';
import type { Shard } from '../run/plan-probes.ts';
import {
  BUILT_IN_RUN_SETTINGS,
  type RunSettings,
  type RunSettingValues,
  resolveRunSettings,
  splitSuiteIds,
} from '../run/run-settings.ts';
import type { Target } from '../spec/target.ts';
import { type CliIo, type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';
import { REPORTER_OPTION, readReporters } from './reporter-option.ts';
import { readShard } from './shard-option.ts';

export const RUN_OPTIONS: CliOption[] = [
  { name: 'out', type: 'string', valueName: 'DIR', description: 'run directory for results and reports' },
  {
    name: 'suite',
    type: 'string',
    multiple: true,
    valueName: 'ID',
    description: 'run only this suite (or a comma list: auth,errors)',
  },
  {
    name: 'suites-dir',
    type: 'string',
    valueName: 'DIR',
    description: 'where suite YAML files live (default: the built-in suites/)',
  },
  {
    name: 'concurrency',
    type: 'string',
    valueName: 'N',
    description: 'probes in flight at once (config defaults.concurrency, else the built-in)',
    default: String(BUILT_IN_RUN_SETTINGS.concurrency),
  },
  {
    name: 'timeout-ms',
    type: 'string',
    valueName: 'N',
    description: 'per-request timeout (config defaults.timeoutMs, else the built-in)',
    default: String(BUILT_IN_RUN_SETTINGS.timeoutMs),
  },
  {
    name: 'shard',
    type: 'string',
    valueName: 'I/N',
    description:
      'run the I-th of N deterministic slices of the plan (1-based); auto/N takes I from JOB_COMPLETION_INDEX or AGENTSCORE_SHARD_INDEX (0-based)',
  },
  { name: 'budget-requests', type: 'string', valueName: 'N', description: 'stop sending after N requests' },
  {
    name: 'budget-tokens',
    type: 'string',
    valueName: 'N',
    description: 'stop sending once the target reported N tokens (input + output)',
  },
  {
    name: 'budget-cost',
    type: 'string',
    valueName: 'X',
    description: "stop sending once the reported tokens cost X at the profile's price for the model",
  },
  {
    name: 'max-run-seconds',
    type: 'string',
    valueName: 'N',
    description:
      'stop scheduling after N seconds, let in-flight probes finish, write a partial scorecard, exit 3',
  },
  {
    name: 'resume',
    type: 'boolean',
    description: 'continue an interrupted run in --out (same target and plan only)',
  },
  { name: 'junit', type: 'string', valueName: 'FILE', description: 'also write a JUnit XML file' },
  REPORTER_OPTION,
  {
    name: 'record',
    type: 'string',
    valueName: 'DIR',
    description: 'save every (scrubbed) exchange to a cassette in DIR',
  },
  {
    name: 'replay',
    type: 'string',
    valueName: 'DIR',
    description: 'answer from a recorded cassette: no network, no key needed',
  },
];

/** `--db`, shared by monitor and history. */
export const DB_OPTION: CliOption = {
  name: 'db',
  type: 'string',
  valueName: 'FILE|URL',
  description: 'history database: a SQLite file, or a postgres:// URL (password from the URL or PGPASSWORD)',
  default: 'reports/history.sqlite',
};

/** `--threshold`, shared by compare and monitor; its default is the one compare-runs applies. */
export const THRESHOLD_OPTION: CliOption = {
  name: 'threshold',
  type: 'string',
  valueName: 'POINTS',
  description: 'score drop that counts as a regression',
  default: String(DEFAULT_THRESHOLD_POINTS),
};

/** The history database the options name (the default file when none). */
export function dbLocation(options: ParsedOptions): string {
  return (options.db as string | undefined) ?? String(DB_OPTION.default);
}

/** The named RUN_OPTIONS, in their order, with overridden defaults (for commands that take a subset). */
export function runOptions(names: string[], defaults: Record<string, string> = {}): CliOption[] {
  return RUN_OPTIONS.filter((option) => names.includes(option.name)).map((option) =>
    option.name in defaults ? { ...option, default: defaults[option.name] } : option,
  );
}

export function positiveInteger(options: ParsedOptions, name: string, fallback?: number): number | undefined {
  const value = options[name];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`--${name} must be a positive integer, got "${String(value)}"`);
  return number;
}

/** A positive amount such as `--budget-cost 0.5`; undefined when the flag is absent. */
export function positiveNumber(options: ParsedOptions, name: string): number | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(number) || number <= 0)
    throw new UsageError(`--${name} must be a positive number, got "${String(value)}"`);
  return number;
}

/** `--threshold POINTS`: a number ≥ 0, the comparison's default when not given. */
export function readThreshold(options: ParsedOptions): number {
  const text = options.threshold;
  if (text === undefined) return DEFAULT_THRESHOLD_POINTS;
  const threshold = Number(text);
  if (typeof text !== 'string' || text.trim() === '' || !Number.isFinite(threshold) || threshold < 0)
    throw new UsageError(`--threshold must be a number ≥ 0, got "${String(text)}"`);
  return threshold;
}

/** Flags that contradict each other: one sentence, exit 2, before anything else happens. */
function checkCombinations(options: ParsedOptions): void {
  const given = (name: string): boolean => options[name] !== undefined && options[name] !== false;
  if (given('record') && given('replay'))
    throw new UsageError('--record and --replay exclude each other: record a live run, or replay a cassette');
  if (given('resume') && given('replay'))
    throw new UsageError(
      '--resume and --replay exclude each other: a replay is offline and quick, run it whole',
    );
}

export interface RunRequestOptions {
  onlySuites: string[];
  suitesDir?: string;
  concurrency: number;
  timeoutMs: number;
  shard?: Shard;
  budgetRequests?: number;
  budgetTokens?: number;
  budgetCost?: number;
  maxRunSeconds?: number;
  resume: boolean;
  junitFile?: string;
  recordDir?: string;
  replayDir?: string;
  /** The settings above with where each came from, for run.json. */
  settings: RunSettings;
  /** Reporters picked with --reporter (default: markdown, html, charts, json). */
  reporters?: ReporterName[];
}

/**
 * Reads the shared run flags once: numbers checked, contradictions refused, and the settings
 * resolved flag > config `defaults` > built-in.
 */
export function readRunOptions(
  options: ParsedOptions,
  configDefaults: Partial<RunSettingValues> = {},
  builtIn: Readonly<RunSettingValues> = BUILT_IN_RUN_SETTINGS,
  env: NodeJS.ProcessEnv = process.env,
): RunRequestOptions {
  checkCombinations(options);
  const settings = resolveRunSettings(
    {
      concurrency: positiveInteger(options, 'concurrency'),
      timeoutMs: positiveInteger(options, 'timeout-ms'),
      budgetRequests: positiveInteger(options, 'budget-requests'),
      budgetTokens: positiveInteger(options, 'budget-tokens'),
      budgetCost: positiveNumber(options, 'budget-cost'),
      maxRunSeconds: positiveInteger(options, 'max-run-seconds'),
    },
    configDefaults,
    builtIn,
  );
  return {
    onlySuites: splitSuiteIds((options.suite as string[] | undefined) ?? []),
    suitesDir: options['suites-dir'] as string | undefined,
    concurrency: settings.concurrency.value,
    timeoutMs: settings.timeoutMs.value,
    shard: readShard(typeof options.shard === 'string' ? options.shard : undefined, env),
    budgetRequests: settings.budgetRequests.value ?? undefined,
    budgetTokens: settings.budgetTokens.value ?? undefined,
    budgetCost: settings.budgetCost.value ?? undefined,
    maxRunSeconds: settings.maxRunSeconds.value ?? undefined,
    resume: Boolean(options.resume),
    junitFile: options.junit as string | undefined,
    reporters: readReporters(options),
    recordDir: options.record as string | undefined,
    replayDir: options.replay as string | undefined,
    settings,
  };
}

/** The suites the run names exist and, after the shard, plan at least one probe (exit 2 otherwise). */
/** The suites of `--suites-dir` (or the built-in ones), loaded and validated once per command. */
export async function loadRunSuites(
  run: Pick<RunRequestOptions, 'suitesDir'>,
  io: Pick<CliIo, 'cwd'>,
): Promise<RunSuites> {
  const { registryNames } = await import('../probes/registry.ts');
  const { PROJECT_PATHS } = await import('../run/project-paths.ts');
  const { loadSuites } = await import('../suite/load-suites.ts');
  return loadSuites(run.suitesDir ? resolve(io.cwd, run.suitesDir) : PROJECT_PATHS.suites, registryNames());
}

export type RunSuites = Awaited<ReturnType<typeof import('../suite/load-suites.ts').loadSuites>>;

export async function checkPlan(
  run: RunRequestOptions,
  io: CliIo,
  suites?: RunSuites,
): Promise<{ suites: string[] }> {
  const { selectPlan } = await import('../run/run-settings.ts');
  return selectPlan(suites ?? (await loadRunSuites(run, io)), run.onlySuites, run.shard);
}

/** The run folder holds no other run: an earlier one is moved aside (one stderr line), or resumed. */
export async function prepareFolder(
  run: RunRequestOptions,
  target: Target,
  runDir: string,
  plannedSuites: string[],
  io: CliIo,
): Promise<void> {
  const { prepareRunFolder, readCassetteHeader } = await import('../run/run-folder.ts');
  // A cassette that cannot be replayed is refused before an earlier run is moved aside.
  if (run.replayDir) readCassetteHeader(resolve(io.cwd, run.replayDir));
  const { movedTo, resumed } = prepareRunFolder({
    runDir,
    resume: run.resume,
    target,
    suites: plannedSuites,
    shard: run.shard,
    keep: run.replayDir ? [resolve(io.cwd, run.replayDir)] : [],
    cwd: io.cwd,
  });
  if (movedTo) io.stderr.write(`${runDir} held an earlier run: moved it to ${movedTo}\n`);
  if (run.resume && !resumed) io.stderr.write(`--resume: no earlier run in ${runDir}, starting a new one\n`);
}

/** Everything a run checks after the flags and before its first request: the plan, then the folder. */
export async function prepareRun(
  run: RunRequestOptions,
  target: Target,
  runDir: string,
  io: CliIo,
  suites?: RunSuites,
): Promise<void> {
  const plan = await checkPlan(run, io, suites);
  await prepareFolder(run, target, runDir, plan.suites, io);
}
