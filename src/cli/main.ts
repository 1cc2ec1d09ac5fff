/** @module CLI entry: picks the command, parses its typed options, prints help, maps errors to exit codes. */
import { parseArgs } from 'node:util';
import { closestMatch } from '../suite/closest-match.ts';
import { type CliCommand, type CliIo, EXIT_USAGE, type ParsedOptions, UsageError } from './cli-command.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp, mainHelp } from './help.ts';
import { guardJsonOutput } from './json-failure.ts';

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { HARNESS_VERSION } = await import('../run/harness-version.ts');
    io.stdout.write(`${HARNESS_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestion = closestMatch(
      name,
      COMMANDS.map((candidate) => candidate.name),
    );
    io.stderr.write(
      `agentscore: unknown command "${name}"${suggestion ? `: did you mean ${suggestion}?` : ''} (agentscore --help lists the commands)\n`,
    );
    return EXIT_USAGE;
  }
  const wantsJson = command.options.some((option) => option.name === 'json') && rest.includes('--json');
  const guard = wantsJson ? guardJsonOutput(io) : undefined;
  const exit = await runCommand(command, rest, guard?.io ?? io);
  if (exit.code !== 0) guard?.fail(exit.code, exit.errorCode);
  return exit.code;
}

interface CommandExit {
  code: number;
  /** What kind of failure, for a `--json` error document. */
  errorCode: string;
}

async function runCommand(command: CliCommand, rest: string[], io: CliIo): Promise<CommandExit> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(command, rest);
  } catch (error) {
    io.stderr.write(`agentscore ${command.name}: ${parseErrorLine(command, error)}\n`);
    return { code: EXIT_USAGE, errorCode: 'E_USAGE' };
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return { code: 0, errorCode: '' };
  }
  if (!command.positionals && parsed.positionals.length > 0) {
    io.stderr.write(
      `agentscore ${command.name}: unexpected argument "${parsed.positionals[0]}": ${command.name} takes options only (agentscore ${command.name} --help)\n`,
    );
    return { code: EXIT_USAGE, errorCode: 'E_USAGE' };
  }
  try {
    const code = await command.run(parsed.values as ParsedOptions, parsed.positionals, io);
    return { code, errorCode: code === EXIT_USAGE ? 'E_USAGE' : `E_EXIT_${code}` };
  } catch (error) {
    const errorCode = error instanceof Error && 'code' in error ? String(error.code) : 'E_INTERNAL';
    if (error instanceof UsageError || (error instanceof Error && isInputErrorCode(error))) {
      io.stderr.write(`agentscore ${command.name}: ${error.message}\n`);
      return { code: EXIT_USAGE, errorCode };
    }
    io.stderr.write(
      `agentscore ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (io.env.AGENTSCORE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return { code: 3, errorCode };
  }
}

/**
 * Invalid input a user can fix: a suite or config file, a run file of another schema version, run
 * settings (unknown suite, empty plan), a target, a run folder that cannot be used as asked. Exit 2.
 */
const INPUT_ERROR_CODES = new Set([
  'E_VALIDATION',
  'E_RESULTS_FILE',
  'E_RUN_SETTINGS',
  'E_TARGET',
  'E_RUN_FOLDER',
]);

function isInputErrorCode(error: Error): boolean {
  return 'code' in error && INPUT_ERROR_CODES.has(String(error.code));
}

/**
 * One line instead of the parser's message and the whole help: the flag that went wrong, the
 * nearest known one, and where the list is.
 */
function parseErrorLine(command: CliCommand, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const pointer = `(agentscore ${command.name} --help lists the options)`;
  const flag = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const known = ['help', ...command.options.map((option) => option.name)];
    const suggestion = flag.startsWith('--') ? closestMatch(flag.slice(2), known) : undefined;
    return `unknown option ${flag}${suggestion ? `: did you mean --${suggestion}?` : ''} ${pointer}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    const option = command.options.find((candidate) => `--${candidate.name}` === flag.split(' ')[0]);
    return option?.type === 'boolean'
      ? `${flag} takes no value ${pointer}`
      : `${flag} needs a value${option?.valueName ? ` (${flag} ${option.valueName})` : ''} ${pointer}`;
  }
  return `${message} ${pointer}`;
}

function parse(command: CliCommand, args: string[]) {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const option of command.options) {
    options[option.name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  }
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}
