/** @module `agentscore targets --list`: the provider presets and the one command that evaluates each. */
import type { ProviderPreset } from '../../spec/preset.ts';
import type { CliCommand } from '../cli-command.ts';
import { JSON_OPTION } from '../json-option.ts';
import { writeJson } from '../json-output.ts';

function authLabel(preset: ProviderPreset): string {
  const { auth } = preset;
  const label =
    auth.scheme === 'header'
      ? `header ${auth.name}`
      : auth.scheme === 'query'
        ? `query ?${auth.param}=`
        : auth.scheme;
  return 'optional' in auth && auth.optional ? `${label} (optional)` : label;
}

/** The one command a user types for a preset (the key variable set, the model when there is no default). */
export function presetCommand(preset: ProviderPreset): string {
  const model = preset.model ? '' : ' --model MODEL';
  const filled = [...`${preset.baseUrl} ${preset.model ?? ''}`.matchAll(/\{([A-Z_][A-Z0-9_]*)\}/g)].map(
    (match) => match[1],
  );
  const required = preset.auth.scheme === 'none' || ('optional' in preset.auth && preset.auth.optional);
  const variables = [...new Set([...filled, ...(required || !preset.apiKeyEnv ? [] : [preset.apiKeyEnv])])];
  return `${variables.map((name) => `${name}=... `).join('')}npx agentscore run --target ${preset.id}${model}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const targetsCommand: CliCommand = {
  name: 'targets',
  summary: 'list the built-in provider presets (run --target ID)',
  usage: '[--list] [--json]',
  options: [{ name: 'list', type: 'boolean', description: 'list the presets (the default)' }, JSON_OPTION],
  details:
    'Each preset holds what the provider documents: base URL (as the OpenAI SDK takes it), how the key travels, the variable its docs use, a default model and what the API offers. Config targets with the same name win.',
  async run(options, _positionals, io) {
    const { loadPresets } = await import('../../suite/load-presets.ts');
    const { PROJECT_PATHS } = await import('../../run/project-paths.ts');
    const presets = [...(await loadPresets(PROJECT_PATHS.presets)).values()];
    if (options.json) {
      writeJson(io, presets);
      return 0;
    }
    const rows = [['ID', 'PROVIDER', 'BASE URL', 'AUTH', 'KEY VARIABLE', 'DEFAULT MODEL']];
    for (const preset of presets)
      rows.push([
        preset.id,
        preset.title,
        preset.baseUrl,
        authLabel(preset),
        preset.apiKeyEnv ?? '-',
        preset.model ?? '(--model required)',
      ]);
    io.stdout.write(
      `${table(rows)}\n\nexample: ${presetCommand(presets.find((preset) => preset.id === 'groq') ?? (presets[0] as ProviderPreset))}\n`,
    );
    return 0;
  },
};
