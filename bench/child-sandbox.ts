/** @module bench/child-sandbox — the sandbox in its own process, so load generators never share its CPU. */
import { fileURLToPath } from 'node:url';
import { type SpawnedSandbox, spawnSandbox, spawnSandboxProcess } from '../src/cli/spawn-sandbox.ts';
import type { SandboxProfileInput } from '../src/sandbox/start-sandbox.ts';

export type ChildSandbox = SpawnedSandbox;

const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const INLINE_SANDBOX = fileURLToPath(new URL('./inline-sandbox.ts', import.meta.url));

/**
 * A named profile runs through the real CLI (`agentscore sandbox --faults NAME --port 0`); an inline
 * one (which the CLI cannot take) through bench/inline-sandbox.ts. Both print the same `ready` line.
 */
export function startChildSandbox(
  profile: string | SandboxProfileInput,
  timeoutMs = 20_000,
): Promise<ChildSandbox> {
  return typeof profile === 'string'
    ? spawnSandbox(profile, timeoutMs)
    : spawnSandboxProcess([RUN_TS, INLINE_SANDBOX, JSON.stringify(profile)], timeoutMs);
}
