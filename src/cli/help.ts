/** @module Help text generated from the commands' typed option data. */
import type { CliCommand } from './cli-command.ts';

export function mainHelp(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return [
    'agentscore: evaluate LLM HTTP APIs (Mistral first, any OpenAI-compatible API) for agent builders and DPOs.',
    '',
    'Usage: agentscore <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run `agentscore <command> --help` for a command's options.",
    'Exit codes: 0 ok, 1 regression, 2 bad usage or invalid input, 3 run could not complete, 130 interrupted.',
    '',
  ].join('\n');
}

export function commandHelp(command: CliCommand): string {
  const rows = command.options.map((option) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${option.name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`;
    const suffix =
      option.default !== undefined
        ? ` (default: ${String(option.default)})`
        : option.multiple
          ? ' (repeatable)'
          : '';
    return [flag, `${option.description}${suffix}`] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: agentscore ${command.name} ${command.usage}`.trimEnd(),
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    ...(command.details ? ['', command.details.trimEnd()] : []),
    '',
  ].join('\n');
}
