/** @module Options every evaluating command shares, and reading them. */
import { parseShard } from '../run/plan-probes.ts';
import { type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';
import { REPORTER_OPTION, readReporters } from './reporter-option.ts';

export const RUN_OPTIONS: CliOption[] = [
  { name: 'out', type: 'string', valueName: 'DIR', description: 'run directory for results and reports' },
  { name: 'suite', type: 'string', multiple: true, valueName: 'ID', description: 'run only this suite' },
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
    description: 'probes in flight at once',
    default: '4',
  },
  {
    name: 'timeout-ms',
    type: 'string',
    valueName: 'N',
    description: 'per-request timeout',
    default: '30000',
  },
  {
    name: 'shard',
    type: 'string',
    valueName: 'I/N',
    description: 'run the I-th of N deterministic slices of the plan',
  },
  { name: 'budget-requests', type: 'string', valueName: 'N', description: 'stop sending after N requests' },
  {
    name: 'max-run-seconds',
    type: 'string',
    valueName: 'N',
    description:
      'stop scheduling after N seconds, let in-flight probes finish, write a partial scorecard, exit 3',
  },
  { name: 'resume', type: 'boolean', description: 'continue an interrupted run in --out' },
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

export function readRunOptions(options: ParsedOptions) {
  return {
    onlySuites: (options.suite as string[] | undefined) ?? [],
    suitesDir: options['suites-dir'] as string | undefined,
    concurrency: positiveInteger(options, 'concurrency', 4)!,
    timeoutMs: positiveInteger(options, 'timeout-ms', 30_000)!,
    shard: typeof options.shard === 'string' ? parseShardOrUsage(options.shard) : undefined,
    budgetRequests: positiveInteger(options, 'budget-requests'),
    maxRunSeconds: positiveInteger(options, 'max-run-seconds'),
    resume: Boolean(options.resume),
    junitFile: options.junit as string | undefined,
    reporters: readReporters(options),
    recordDir: options.record as string | undefined,
    replayDir: options.replay as string | undefined,
  };
}

function parseShardOrUsage(text: string) {
  try {
    return parseShard(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
