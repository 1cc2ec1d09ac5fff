/** @module sandbox/profile — behaviour profiles: types, defaults, YAML loading, `extends` and validation. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { findProfileIssues } from './profile-schema.ts';

/** A planted fault for one path (used by the `hostile` profile and chaos tests). */
export interface PathFault {
  /** Exact request path, or a prefix when it ends with `*`. */
  path: string;
  method?: string;
  /** Wait this long before answering normally (a hang when larger than the client timeout). */
  hangMs?: number;
  /** Destroy the TCP connection without any response. */
  resetConnection?: boolean;
  /** Answer 200 with a JSON-looking body that is not valid UTF-8. */
  invalidUtf8?: boolean;
  /** Answer 500 with a JSON error body of (at least) this many bytes. */
  hugeErrorBodyBytes?: number;
  /** Answer 200 `application/json` with a complete body that is not JSON. */
  invalidJson?: boolean;
  /** Answer 200 JSON declaring more bytes than it sends, then close the connection. */
  lyingContentLength?: boolean;
  /** Answer 200 `text/event-stream` that stops in the middle of an event, or ends cleanly without `[DONE]`. */
  sseCut?: 'mid-event' | 'no-done';
  /** Answer this status with a FastAPI-style `{"detail": ...}` body. */
  status?: number;
}

/** Fault flags; all off in `faithful`. Behaviour keys off these flags, never off a profile name. */
export interface SandboxFaults {
  authDisabled: boolean;
  echoCredentialsInErrors: boolean;
  echoInputInErrors: boolean;
  /** Echo the Authorization header in a response header and in every body (secret-scrubbing chaos). */
  echoKeyEverywhere: boolean;
  htmlErrorOnMalformedJson: boolean;
  omitRequestIdHeaders: boolean;
  repeatToolCallAfterResult: boolean;
  ignoreToolChoice: boolean;
  fenceJson: boolean;
  dropRequiredJsonFields: boolean;
  serverErrors: Array<{ every: number; status: number }>;
  truncateStreamAfterTokens: number | null;
  truncateJsonBody: boolean;
  ignoreErasure: boolean;
  swapModelTo: string | null;
  acceptUnknownModels: boolean;
  pathFaults: PathFault[];
}

/** Faults of the optional MCP endpoint; all off unless a profile plants them. */
export interface McpFaults {
  /** tools/list omits tool and parameter descriptions. */
  missingDescriptions: boolean;
  /** tools/list advertises an inputSchema that is not valid JSON Schema. */
  invalidInputSchema: boolean;
  /** A tool call with bad arguments fails as a plain-text HTTP 500 instead of an `isError` result. */
  unstructuredToolErrors: boolean;
  /** An unknown JSON-RPC method is answered with an empty result instead of error -32601. */
  unknownMethodOk: boolean;
}

export interface SandboxProfile {
  name: string;
  description: string;
  latency: { ttftMs: number; interTokenMs: number };
  rateLimit: {
    requestsPerMinute: number;
    burst: number;
    tokensPerMinute: number;
    headers: boolean;
    retryAfter: boolean;
    jsonBody: boolean;
  };
  limits: { maxInputChars: number; maxBodyBytes: number };
  auth: { unauthorizedBody: 'detail' | 'gateway' };
  /** A Streamable-HTTP MCP server at `POST /mcp`, served only when enabled. */
  mcp: { enabled: boolean; faults: McpFaults };
  faults: SandboxFaults;
}

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** What a YAML file or an inline object may state; `extends` names a base profile. */
export type SandboxProfileInput = DeepPartial<SandboxProfile> & { extends?: string };

export const DEFAULT_PROFILE: SandboxProfile = {
  name: 'inline',
  description: '',
  latency: { ttftMs: 30, interTokenMs: 8 },
  rateLimit: {
    requestsPerMinute: 1200,
    burst: 200,
    tokensPerMinute: 5_000_000,
    headers: true,
    retryAfter: true,
    jsonBody: true,
  },
  limits: { maxInputChars: 200_000, maxBodyBytes: 20 * 1024 * 1024 },
  auth: { unauthorizedBody: 'detail' },
  mcp: {
    enabled: false,
    faults: {
      missingDescriptions: false,
      invalidInputSchema: false,
      unstructuredToolErrors: false,
      unknownMethodOk: false,
    },
  },
  faults: {
    authDisabled: false,
    echoCredentialsInErrors: false,
    echoInputInErrors: false,
    echoKeyEverywhere: false,
    htmlErrorOnMalformedJson: false,
    omitRequestIdHeaders: false,
    repeatToolCallAfterResult: false,
    ignoreToolChoice: false,
    fenceJson: false,
    dropRequiredJsonFields: false,
    serverErrors: [],
    truncateStreamAfterTokens: null,
    truncateJsonBody: false,
    ignoreErasure: false,
    swapModelTo: null,
    acceptUnknownModels: false,
    pathFaults: [],
  },
};

const PROFILES_DIR = fileURLToPath(new URL('./profiles/', import.meta.url));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars in `override` replace the base value. */
function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override))
    return (override === undefined ? base : override) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) merged[key] = deepMerge(merged[key], value);
  }
  return merged as T;
}

export function listProfiles(): string[] {
  return readdirSync(PROFILES_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

function assertValid(input: unknown, origin: string): asserts input is SandboxProfileInput {
  const issues = findProfileIssues(input);
  if (issues.length > 0) throw new Error(`Invalid sandbox profile ${origin}: ${issues.join('; ')}`);
}

function resolve(input: SandboxProfileInput, seen: string[]): SandboxProfile {
  const base = input.extends === undefined ? DEFAULT_PROFILE : loadNamed(input.extends, seen);
  const { extends: _base, ...own } = input;
  const merged = deepMerge(base, own);
  merged.name = input.name ?? (input.extends === undefined ? 'inline' : `${input.extends}+inline`);
  return merged;
}

function loadNamed(name: string, seen: string[]): SandboxProfile {
  if (seen.includes(name)) throw new Error(`Sandbox profile cycle: ${[...seen, name].join(' -> ')}`);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !listProfiles().includes(name)) {
    throw new Error(`Unknown sandbox profile "${name}" (known: ${listProfiles().join(', ')})`);
  }
  const file = `${PROFILES_DIR}${name}.yaml`;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Invalid sandbox profile ${file}: ${(error as Error).message}`, { cause: error });
  }
  assertValid(data, file);
  if (data.name !== undefined && data.name !== name) {
    throw new Error(
      `Invalid sandbox profile ${file}: /name: "${data.name}" must equal the file name "${name}"`,
    );
  }
  return resolve({ ...data, name }, [...seen, name]);
}

/** Loads `src/sandbox/profiles/NAME.yaml`; throws an Error naming the file and the field when invalid. */
export function loadProfile(name: string): SandboxProfile {
  return loadNamed(name, []);
}

/** Resolves a profile name or an inline (possibly partial) profile object into a complete, validated profile. */
export function resolveProfile(profile: string | SandboxProfileInput | undefined): SandboxProfile {
  if (profile === undefined) return loadProfile('faithful');
  if (typeof profile === 'string') return loadProfile(profile);
  assertValid(profile, '(inline object)');
  return resolve(profile, []);
}

/** Loads and validates a profile YAML file from any path (e.g. for `agentscore validate`); errors name the file and field. */
export function loadProfileFile(file: string): SandboxProfile {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Invalid sandbox profile ${file}: ${(error as Error).message}`, { cause: error });
  }
  assertValid(data, file);
  return resolve(data, []);
}
