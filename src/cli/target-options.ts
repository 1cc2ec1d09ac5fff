/** @module Target flags shared by run and monitor, and resolving them into a Target plus its key. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProviderKind, Target } from '../spec/target.ts';
import { type CliIo, type CliOption, type ParsedOptions, UsageError } from './cli-command.ts';

export const TARGET_OPTIONS: CliOption[] = [
  {
    name: 'target',
    type: 'string',
    valueName: 'NAME',
    description: 'a target from the config file, or the built-in "mistral"',
  },
  {
    name: 'config',
    type: 'string',
    valueName: 'FILE',
    description: 'config file with named targets',
    default: 'agentscore.config.yaml',
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
    description: 'ad hoc target: API base URL (without /v1)',
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
    description: 'environment variable that holds the API key',
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
];

export const BUILT_IN_TARGETS: Record<string, Target> = {
  mistral: {
    name: 'mistral',
    provider: 'mistral',
    baseUrl: 'https://api.mistral.ai',
    model: 'mistral-small-latest',
    apiKeyEnv: 'MISTRAL_API_KEY',
    profile: 'mistral',
    budgets: { maxRequests: 400, requestsPerSecond: 1, allowBurst: false, allowDestructive: false },
  },
};

function text(options: ParsedOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

async function fromConfig(name: string, configFile: string, io: CliIo): Promise<Target> {
  const file = resolve(io.cwd, configFile);
  if (existsSync(file)) {
    const { loadConfig } = await import('../suite/load-config.ts');
    const config = await loadConfig(file);
    const target = config.targets[name];
    if (target) return target;
  }
  const builtIn = BUILT_IN_TARGETS[name];
  if (builtIn) return builtIn;
  throw new UsageError(
    `unknown target "${name}": not in ${configFile} and not built in (built in: ${Object.keys(BUILT_IN_TARGETS).join(', ')})`,
  );
}

/** The target and its key; a missing key variable is reported here, before any request. */
export async function resolveTarget(
  options: ParsedOptions,
  io: CliIo,
  { keyRequired = true } = {},
): Promise<{ target: Target; apiKey: string }> {
  const targetName = text(options, 'target');
  let target: Target;
  if (targetName) {
    target = { ...(await fromConfig(targetName, text(options, 'config') ?? 'agentscore.config.yaml', io)) };
  } else {
    const provider = text(options, 'provider');
    const baseUrl = text(options, 'base-url');
    const model = text(options, 'model');
    const apiKeyEnv = text(options, 'api-key-env');
    const missing = [
      !provider && '--provider',
      !baseUrl && '--base-url',
      !model && '--model',
      !apiKeyEnv && '--api-key-env',
    ].filter(Boolean);
    if (missing.length)
      throw new UsageError(`give --target NAME, or an ad hoc target with ${missing.join(', ')}`);
    if (provider !== 'mistral' && provider !== 'openai-compatible') {
      throw new UsageError(`--provider must be mistral or openai-compatible, got "${provider}"`);
    }
    try {
      new URL(baseUrl!);
    } catch {
      throw new UsageError(`--base-url is not a URL: "${baseUrl}"`);
    }
    target = {
      name: text(options, 'name') ?? new URL(baseUrl!).host,
      provider: provider as ProviderKind,
      baseUrl: baseUrl!.replace(/\/+$/, ''),
      model: model!,
      apiKeyEnv: apiKeyEnv!,
    };
  }
  if (text(options, 'model')) target.model = text(options, 'model')!;
  if (text(options, 'api-key-env')) target.apiKeyEnv = text(options, 'api-key-env')!;
  if (text(options, 'profile')) target.profile = text(options, 'profile');
  if (text(options, 'name')) target.name = text(options, 'name')!;
  const mcpUrl = text(options, 'mcp-url');
  if (mcpUrl !== undefined) {
    if (!/^https?:\/\//i.test(mcpUrl) || !URL.canParse(mcpUrl)) {
      throw new UsageError(`--mcp-url is not an http(s) URL: "${mcpUrl}"`);
    }
    target.mcpUrl = mcpUrl;
  }
  const apiKey = io.env[target.apiKeyEnv] ?? '';
  if (!apiKey && keyRequired) {
    throw new UsageError(
      `the API key variable ${target.apiKeyEnv} is not set (target "${target.name}"); export ${target.apiKeyEnv}=... and try again`,
    );
  }
  return { target, apiKey };
}
