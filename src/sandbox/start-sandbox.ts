/** @module sandbox/start-sandbox — public API: start a Mistral-compatible sandbox on loopback with a behaviour profile. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxAuth } from './auth.ts';
import { FilesStore } from './files-store.ts';
import {
  listProfiles,
  loadProfile,
  type loadProfileFile,
  resolveProfile,
  type SandboxProfile,
  type SandboxProfileInput,
} from './profile.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { SandboxState } from './request-context.ts';
import { createRequestHandler } from './router.ts';

export type { SandboxAuth } from './auth.ts';
export { parseSandboxAuth } from './auth.ts';
export type { McpFaults, PathFault, SandboxFaults, SandboxProfile, SandboxProfileInput } from './profile.ts';
export { listProfiles, loadProfile, type loadProfileFile };

export const DEFAULT_SANDBOX_KEY = 'sandbox-demo-key-0000';

export interface SandboxOptions {
  /** A profile name (default 'faithful'), a full profile, or a partial one (`extends` names its base). */
  profile?: string | SandboxProfile | SandboxProfileInput;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Valid keys; default [AGENTSCORE_SANDBOX_KEY ?? 'sandbox-demo-key-0000']. */
  apiKeys?: string[];
  /** How the key is expected; default bearer. */
  auth?: SandboxAuth;
  /** Path prefix of the API; default `/v1` (e.g. `/openai/v1`, `/api/v1` to imitate gateways). */
  basePath?: string;
}

export interface RunningSandbox {
  /** Origin without trailing slash, e.g. http://127.0.0.1:43123 (the API is under `basePath`). */
  url: string;
  /** The base URL as an OpenAI-SDK client takes it, e.g. http://127.0.0.1:43123/v1. */
  apiBaseUrl: string;
  profile: SandboxProfile;
  close(): Promise<void>;
}

function normaliseBasePath(basePath: string): string {
  const trimmed = `/${basePath.replace(/^\/+|\/+$/g, '')}`;
  return trimmed === '/' ? '' : trimmed;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const profile = resolveProfile(options.profile);
  const host = options.host ?? '127.0.0.1';
  const state: SandboxState = {
    profile,
    apiKeys: new Set(options.apiKeys ?? [process.env.AGENTSCORE_SANDBOX_KEY ?? DEFAULT_SANDBOX_KEY]),
    auth: options.auth ?? { scheme: 'bearer' },
    basePath: normaliseBasePath(options.basePath ?? '/v1'),
    files: new FilesStore({ ignoreErasure: profile.faults.ignoreErasure }),
    rateLimiter: new RateLimiter(profile.rateLimit),
    handledRequests: 0,
    mcpSessions: new Set(),
  };
  const server = createServer(createRequestHandler(state));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    apiBaseUrl: `http://${urlHost}:${port}${state.basePath}`,
    profile,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
