/**
 * @module The target a run evaluates, from a config entry, the built-in `mistral`, or ad hoc flags,
 * validated by one path (the config file's target schema) and checked before any request.
 */

import { resolveHeaderValues } from '../providers/target-headers.ts';
import type { ProviderPreset } from '../spec/preset.ts';
import type { ProviderKind, Target } from '../spec/target.ts';
import { closestMatch } from '../suite/closest-match.ts';
import { adHocTargetSchema, BASE_URL_EXAMPLE } from '../suite/config-schema.ts';
import type { AgentscoreConfig } from '../suite/load-config.ts';
import { validateWithSchema } from '../suite/schema-validator.ts';
import { parseYaml } from '../suite/yaml-document.ts';
import { presetTarget } from './preset-target.ts';
import { parseAuthSchemeFlag, parseHeaderFlags, parseQueryFlags } from './target-flags.ts';

export const BUILT_IN_TARGETS: Readonly<Record<string, Target>> = {
  mistral: {
    name: 'mistral',
    provider: 'mistral',
    baseUrl: BASE_URL_EXAMPLE,
    model: 'mistral-small-latest',
    apiKeyEnv: 'MISTRAL_API_KEY',
    profile: 'mistral',
    budgets: { maxRequests: 400, requestsPerSecond: 1, allowBurst: false, allowDestructive: false },
  },
};

/** A target the user named or described wrongly, or whose key is missing: exit 2, before any request. */
export class TargetError extends Error {
  readonly code = 'E_TARGET';
  override readonly name = 'TargetError';
}

/** What the user asked for: `--target NAME` (with optional overrides) or an ad hoc target. */
export interface TargetRequest {
  targetName?: string;
  provider?: string;
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  profile?: string;
  name?: string;
  mcpUrl?: string;
  /** `--spec mistral|none`. */
  spec?: string;
  /** `--header 'Name: value'` values, `--query name=value` values, `--auth-scheme`. */
  headers?: readonly string[];
  query?: readonly string[];
  authScheme?: string;
  /** The loaded config file, and its path for messages (null: none was found). */
  config: AgentscoreConfig | null;
  configFile: string;
  /** Provider presets by id (presets/*.yaml); config targets of the same name win. */
  presets?: ReadonlyMap<string, ProviderPreset>;
}

/** The flag that sets each target field, so schema errors read as the user typed them. */
const FLAG_OF: Record<string, string> = {
  provider: '--provider',
  baseUrl: '--base-url',
  model: '--model',
  apiKeyEnv: '--api-key-env',
  profile: '--profile',
  mcpUrl: '--mcp-url',
  spec: '--spec',
};

function named(request: TargetRequest, name: string, env: NodeJS.ProcessEnv): Target {
  const configured = request.config?.targets[name];
  if (configured) return { ...configured, apiKeyEnv: configured.apiKeyEnv ?? '' };
  const builtIn = BUILT_IN_TARGETS[name];
  if (builtIn) return { ...builtIn };
  const preset = request.presets?.get(name);
  if (preset) {
    try {
      return presetTarget(preset, env, request.model);
    } catch (error) {
      throw new TargetError((error as Error).message);
    }
  }
  const known = [
    ...Object.keys(request.config?.targets ?? {}),
    ...new Set([...Object.keys(BUILT_IN_TARGETS), ...(request.presets?.keys() ?? [])]),
  ];
  const guess = closestMatch(name, known);
  throw new TargetError(
    `unknown target "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}: not in ${request.configFile}${request.config ? '' : ' (no such file)'} and not built in (known: ${known.join(', ')}; agentscore targets --list)`,
  );
}

/**
 * The variable each provider's own SDK reads its key from when none is given: an ad hoc target without
 * --api-key-env uses it, as the OpenAI and Mistral SDKs (and most tools around them) do.
 */
const DEFAULT_API_KEY_ENV: Partial<Record<string, string>> = {
  mistral: 'MISTRAL_API_KEY',
  'openai-compatible': 'OPENAI_API_KEY',
};

function adHoc(request: TargetRequest, env: NodeJS.ProcessEnv): Target {
  // The OpenAI SDK reads its base URL from OPENAI_BASE_URL when none is given; so do we.
  const baseUrl =
    request.baseUrl ??
    (request.provider === 'openai-compatible' ? env.OPENAI_BASE_URL || undefined : undefined);
  const apiKeyEnv =
    request.apiKeyEnv ??
    (request.authScheme === 'none' ? undefined : DEFAULT_API_KEY_ENV[request.provider ?? '']);
  const missing = [
    !request.provider && '--provider',
    !baseUrl && (request.provider === 'openai-compatible' ? '--base-url (or OPENAI_BASE_URL)' : '--base-url'),
    !request.model && '--model',
    // Without a provider its SDK's key variable is not known yet; once there is one it has a default.
    !apiKeyEnv && request.provider && request.authScheme !== 'none' && '--api-key-env',
  ].filter(Boolean);
  if (missing.length)
    throw new TargetError(`give --target NAME, or an ad hoc target with ${missing.join(', ')}`);
  const base = baseUrl!.replace(/\/+$/, '');
  return {
    name: request.name ?? (URL.canParse(base) ? new URL(base).host : base),
    provider: request.provider as ProviderKind,
    baseUrl: base,
    model: request.model!,
    apiKeyEnv: apiKeyEnv ?? '',
  };
}

/** Config targets were checked when the file loaded; this checks the target as finally assembled. */
function checkTarget(target: Target): void {
  const { name: _name, apiKeyEnv, ...rest } = target;
  const fields = apiKeyEnv ? { ...rest, apiKeyEnv } : rest;
  if (!isHttpUrl(fields.baseUrl))
    throw new TargetError(
      `--base-url "${fields.baseUrl}" is not an http(s) URL: give the API base URL as the OpenAI SDK takes it, e.g. --base-url ${BASE_URL_EXAMPLE}`,
    );
  if (fields.mcpUrl !== undefined && !isHttpUrl(fields.mcpUrl))
    throw new TargetError(`--mcp-url is not an http(s) URL: "${fields.mcpUrl}"`);
  const parsed = parseYaml('command line', JSON.stringify(fields));
  if (!parsed.document) return;
  const [first] = validateWithSchema(parsed.document, adHocTargetSchema);
  if (!first) return;
  const field = first.path.split(/[.[]/)[0] ?? '';
  throw new TargetError(`${FLAG_OF[field] ?? first.path}: ${first.message}`);
}

/** `--header`, `--query` and `--auth-scheme` on top of whatever the target already says. */
function applyRequestFlags(target: Target, request: TargetRequest): void {
  try {
    if (request.headers?.length) target.headers = { ...target.headers, ...parseHeaderFlags(request.headers) };
    if (request.query?.length) target.query = { ...target.query, ...parseQueryFlags(request.query) };
    if (request.authScheme) target.auth = parseAuthSchemeFlag(request.authScheme);
  } catch (error) {
    throw new TargetError((error as Error).message);
  }
}

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text) && URL.canParse(text);
}

/** The target and its key; a missing key variable is reported here, before any request. */
export function resolveTarget(
  request: TargetRequest,
  env: NodeJS.ProcessEnv,
  { keyRequired = true } = {},
): { target: Target; apiKey: string } {
  if (request.targetName && (request.provider !== undefined || request.baseUrl !== undefined))
    throw new TargetError(
      `--target ${request.targetName} names a target; --provider and --base-url describe an ad hoc one: give one or the other`,
    );
  const target = request.targetName ? named(request, request.targetName, env) : adHoc(request, env);
  if (request.model) target.model = request.model;
  if (request.apiKeyEnv) target.apiKeyEnv = request.apiKeyEnv;
  if (request.profile) target.profile = request.profile;
  if (request.name) target.name = request.name;
  if (request.mcpUrl !== undefined) target.mcpUrl = request.mcpUrl;
  if (request.spec !== undefined) target.spec = request.spec as Target['spec'];
  applyRequestFlags(target, request);
  checkTarget(target);
  const headers = resolveHeaderValues(target.headers, env);
  if (headers.missing.length > 0 && keyRequired)
    throw new TargetError(
      `--header values read ${headers.missing.join(', ')} from the environment, which is not set; export it and try again`,
    );
  const scheme = target.auth ?? { scheme: 'bearer' };
  const needsKey = scheme.scheme !== 'none' && !('optional' in scheme && scheme.optional);
  if (needsKey && !target.apiKeyEnv)
    throw new TargetError(
      `target "${target.name}" sends a key (${scheme.scheme}) but names no variable: give --api-key-env VAR`,
    );
  const apiKey = target.apiKeyEnv ? (env[target.apiKeyEnv] ?? '') : '';
  if (!apiKey && needsKey && keyRequired) {
    throw new TargetError(
      `the API key variable ${target.apiKeyEnv} is not set (target "${target.name}"); export ${target.apiKeyEnv}=... and try again${request.apiKeyEnv || request.targetName ? '' : ', or name another with --api-key-env VAR'}`,
    );
  }
  if (!apiKey && scheme.scheme !== 'none' && !needsKey) target.auth = { scheme: 'none' };
  return { target, apiKey };
}
