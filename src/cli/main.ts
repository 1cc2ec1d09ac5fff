/** @module CLI entry: picks the command, parses its typed options, prints help, maps errors to exit codes. */
import { parseArgs } from 'node:util';
import { type CliCommand, type CliIo, EXIT_USAGE, type ParsedOptions, UsageError } from './cli-command.ts';
import { COMMANDS } from './commands/index.ts';
import { commandHelp, mainHelp } from './help.ts';

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
    io.stderr.write(`agentscore: unknown command "${name}"\n\n${mainHelp(COMMANDS)}`);
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(command, rest);
  } catch (error) {
    io.stderr.write(
      `agentscore ${command.name}: ${error instanceof Error ? error.message : String(error)}\n\n${commandHelp(command)}`,
    );
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parsed.values as ParsedOptions, parsed.positionals, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && isInputErrorCode(error))) {
      io.stderr.write(`agentscore ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(
      `agentscore ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    if (io.env.AGENTSCORE_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 3;
  }
}

/** Invalid input a user can fix (a suite, a config, a run folder from another schema version): exit 2. */
const INPUT_ERROR_CODES = new Set(['E_VALIDATION', 'E_RESULTS_FILE']);

function isInputErrorCode(error: Error): boolean {
  return 'code' in error && INPUT_ERROR_CODES.has(String(error.code));
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
