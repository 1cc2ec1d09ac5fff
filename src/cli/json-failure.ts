/**
 * @module When a `--json` command fails before printing its document, stdout still holds exactly one
 * JSON document: `{"error": {code, message, exitCode}}` (schemas/error-output.schema.json), the way
 * `npm --json` reports its errors. A script that parses stdout never meets an empty string.
 */
import type { CliIo } from './cli-command.ts';
import { writeJson } from './json-output.ts';

export interface JsonFailureGuard {
  /** The io to hand to the command: it notes whether stdout was written and keeps stderr's last line. */
  io: CliIo;
  /** After a failure: prints the error document (stderr's last line as its message) unless the command printed its own. */
  fail(exitCode: number, code: string): void;
}

export function guardJsonOutput(io: CliIo): JsonFailureGuard {
  let stdoutWritten = false;
  let lastStderrLine = '';
  const stdout = observeWrites(io.stdout, () => {
    stdoutWritten = true;
  });
  const stderr = observeWrites(io.stderr, (chunk) => {
    const lines = String(chunk)
      .split('\n')
      .filter((line) => line.trim() !== '');
    if (lines.length > 0) lastStderrLine = plainLine(lines.at(-1)!);
  });
  return {
    io: { ...io, stdout, stderr },
    fail(exitCode, code) {
      if (stdoutWritten) return;
      writeJson(io, { error: { code, message: lastStderrLine || `exit code ${exitCode}`, exitCode } });
    },
  };
}

/** Without colour codes and the `agentscore COMMAND:` prefix, which the document's fields replace. */
function plainLine(line: string): string {
  return line
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/^agentscore [\w-]+: /, '')
    .trim();
}

/** The same stream (TTY width, events, everything) with each `write` seen first. */
function observeWrites<T extends NodeJS.WritableStream>(stream: T, seen: (chunk: unknown) => void): T {
  return new Proxy(stream, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          seen(chunk);
          return (value as (...args: unknown[]) => boolean).call(target, chunk, ...rest);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
