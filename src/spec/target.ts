/** @module A target: the API under evaluation, as named in config or flags. Keys never live here. */

export type ProviderKind = 'mistral' | 'openai-compatible';

export interface TargetBudgets {
  /** Stop planning new requests once this many were sent. */
  maxRequests?: number;
  /** Requests per second cap for this target. */
  requestsPerSecond?: number;
  /** Probes that cost money or delete things run only when true (always allowed on loopback). */
  allowDestructive?: boolean;
  allowBurst?: boolean;
}

export interface Target {
  name: string;
  provider: ProviderKind;
  baseUrl: string;
  model: string;
  /** Name of the environment variable that holds the key; the key itself stays in memory. */
  apiKeyEnv: string;
  /** Target profile (attested evidence) name or path, e.g. `mistral`. */
  profile?: string;
  /** Streamable-HTTP MCP endpoint, when the target declares one. */
  mcpUrl?: string;
  budgets?: TargetBudgets;
}
