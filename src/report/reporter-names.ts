/** @module The names `--reporter` accepts, kept free of imports so the CLI can check them cheaply. */

export const REPORTER_NAMES = ['markdown', 'html', 'charts', 'json', 'dpa', 'junit', 'console'] as const;

export type ReporterName = (typeof REPORTER_NAMES)[number];

/** What a run writes when `--reporter` is not given (junit joins when `--junit FILE` is). */
export const DEFAULT_REPORTERS: readonly ReporterName[] = ['markdown', 'html', 'charts', 'json', 'dpa'];

export function isReporterName(name: string): name is ReporterName {
  return (REPORTER_NAMES as readonly string[]).includes(name);
}

/** `--reporter a,b --reporter c` → `[a, b, c]`, trimmed, empty items dropped, each name once. */
export function splitReporterList(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((value) => value.split(',')).map((name) => name.trim()))].filter(Boolean);
}
