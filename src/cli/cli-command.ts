/** @module How a CLI command is declared: options as typed data, one handler, an exit code back. */

export interface CliOption {
  /** Long flag without dashes, e.g. `base-url`. */
  name: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  description: string;
  /** Shown in help, e.g. `URL`. */
  valueName?: string;
  default?: string | boolean;
}

export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One-line summary for the command list. */
  summary: string;
  /** Usage line after `agentscore NAME`, e.g. `RUN_DIR [RESULTS...]`. */
  usage: string;
  options: CliOption[];
  /** Takes positional arguments (run folders, files); without it a stray word is bad usage. */
  positionals?: boolean;
  /** Extra help text: examples, notes. */
  details?: string;
  /** Receives parsed options and positionals; returns the exit code (DESIGN.md §3). */
  run(options: ParsedOptions, positionals: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_REGRESSION = 1;
export const EXIT_USAGE = 2;
export const EXIT_INCOMPLETE = 3;
export const EXIT_INTERRUPTED = 130;

/** A usage or input error that the CLI prints (without a stack) and maps to exit 2. */
export class UsageError extends Error {
  readonly code = 'E_USAGE';
  override readonly name = 'UsageError';
}
