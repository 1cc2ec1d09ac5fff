/** @module Target flags shared by run and monitor, the config file they name, and reading them. */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ProviderPreset } from '../spec/preset.ts';
import type { Target } from '../spec/target.ts';
import type { AgentscoreConfig } from '../suite/load-config.ts';
import { type CliIo, type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';
import { CONFIG_FILE_NAME, findConfigFile } from './find-config-file.ts';

export const TARGET_OPTIONS: CliOption[] = [
  {
    name: 'target',
    type: 'string',
    valueName: 'NAME',
    description: 'a target from the config file, or a built-in preset (agentscore targets --list)',
  },
  {
    name: 'config',
    type: 'string',
    valueName: 'FILE',
    description: `config file with named targets and run defaults (default: the nearest ${CONFIG_FILE_NAME} in this folder or above)`,
  },
  {
    name: 'provider',
    type: 'string',
    valueName: 'KIND',
    description: 'ad hoc target: mistral | openai-compatible',
  },
  {
    name: 'base-url',
    type: 'string',
    valueName: 'URL',
    description:
      'ad hoc target: API base URL as the OpenAI SDK takes it, e.g. https://api.mistral.ai/v1 (openai-compatible: OPENAI_BASE_URL when not given)',
  },
  {
    name: 'model',
    type: 'string',
    valueName: 'ID',
    description: "model to evaluate (overrides the target's)",
  },
  {
    name: 'api-key-env',
    type: 'string',
    valueName: 'VAR',
    description:
      'environment variable that holds the API key (default: MISTRAL_API_KEY for mistral, OPENAI_API_KEY for openai-compatible, as their SDKs read)',
  },
  {
    name: 'profile',
    type: 'string',
    valueName: 'NAME',
    description: 'target profile with attested evidence (fixtures/profiles/NAME.yaml)',
  },
  {
    name: 'name',
    type: 'string',
    valueName: 'NAME',
    description: 'name of this target in reports and history',
  },
  {
    name: 'mcp-url',
    type: 'string',
    valueName: 'URL',
    description: "the target's Streamable-HTTP MCP endpoint (enables the mcp suite)",
  },
  {
    name: 'spec',
    type: 'string',
    valueName: 'NAME',
    description:
      'published spec the target is held to: mistral | none (default: mistral for the mistral provider or an api.mistral.ai URL, else none)',
  },
  {
    name: 'header',
    type: 'string',
    multiple: true,
    valueName: "'NAME: VALUE'",
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${VAR} is the syntax users type
      'extra request header, repeatable; a value written ${VAR} is read from the environment and scrubbed',
  },
  {
    name: 'query',
    type: 'string',
    multiple: true,
    valueName: 'NAME=VALUE',
    description: 'extra query parameter on every request, repeatable (e.g. api-version=2024-10-21)',
  },
  {
    name: 'auth-scheme',
    type: 'string',
    valueName: 'SCHEME',
    description: 'how the key travels: bearer (default) | header:NAME | query:PARAM | none',
  },
];

function list(options: ParsedOptions, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

function text(options: ParsedOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export interface LoadedConfig {
  config: AgentscoreConfig | null;
  configFile: string;
  /** The built-in provider presets (`--target groq`). */
  presets?: ReadonlyMap<string, ProviderPreset>;
}

async function builtInPresets(): Promise<ReadonlyMap<string, ProviderPreset>> {
  const { loadPresets } = await import('../suite/load-presets.ts');
  const { PROJECT_PATHS } = await import('../run/project-paths.ts');
  return loadPresets(PROJECT_PATHS.presets);
}

/**
 * The config file: the one `--config` names (which must exist), else the nearest
 * `agentscore.config.yaml` from the working directory upwards. Invalid files fail with file:line
 * (exit 2). A profile path inside it is relative to the file's folder, not to where the command runs.
 */
export async function loadRunConfig(options: ParsedOptions, io: CliIo): Promise<LoadedConfig> {
  const named = text(options, 'config');
  const file = named !== undefined ? resolve(io.cwd, named) : findConfigFile(io.cwd);
  if (file === null || !existsSync(file)) {
    if (named !== undefined) throw new UsageError(`--config ${named}: no such file`);
    return { config: null, configFile: CONFIG_FILE_NAME, presets: await builtInPresets() };
  }
  const configFile = named ?? shownPath(file, io.cwd);
  if (named === undefined && dirname(file) !== resolve(io.cwd))
    io.stderr.write(`using the config file ${configFile}\n`);
  const { loadConfig } = await import('../suite/load-config.ts');
  const config = withProfilesFrom(await loadConfig(file), dirname(file));
  return { config, configFile, presets: await builtInPresets() };
}

/** `../../agentscore.config.yaml` reads better than an absolute path when the file is close. */
function shownPath(file: string, cwd: string): string {
  const fromCwd = relative(cwd, file);
  return fromCwd.split(/[\\/]/).filter((part) => part === '..').length <= 3 ? fromCwd : file;
}

/**
 * A target's `profile` written as a path (`profiles/acme.yaml`) is resolved against the config's
 * folder, so the same config works from any subfolder; a bare name (`mistral`) is a built-in profile.
 */
function withProfilesFrom(config: AgentscoreConfig, configDir: string): AgentscoreConfig {
  const targets = Object.fromEntries(
    Object.entries(config.targets).map(([name, target]) => {
      const profile = target.profile;
      const isPath = profile !== undefined && (/[\\/]/.test(profile) || /\.ya?ml$/i.test(profile));
      return [
        name,
        isPath && !isAbsolute(profile) ? { ...target, profile: resolve(configDir, profile) } : target,
      ];
    }),
  );
  return { ...config, targets };
}

/**
 * The target and its key from the flags (and the config), checked before any request. The resolver
 * loads on first use, so `--help` does not pay for the preset and schema modules.
 */
export async function resolveTarget(
  options: ParsedOptions,
  loaded: LoadedConfig,
  io: CliIo,
  { keyRequired = true } = {},
): Promise<{ target: Target; apiKey: string }> {
  const { resolveTarget: resolveTargetRequest } = await import('../run/resolve-target.ts');
  return resolveTargetRequest(
    {
      targetName: text(options, 'target'),
      provider: text(options, 'provider'),
      baseUrl: text(options, 'base-url'),
      model: text(options, 'model'),
      apiKeyEnv: text(options, 'api-key-env'),
      profile: text(options, 'profile'),
      name: text(options, 'name'),
      mcpUrl: text(options, 'mcp-url'),
      spec: text(options, 'spec'),
      headers: list(options, 'header'),
      query: list(options, 'query'),
      authScheme: text(options, 'auth-scheme'),
      ...loaded,
    },
    io.env,
    { keyRequired },
  );
}
