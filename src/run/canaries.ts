/** @module Per-run canaries: random values planted in requests to see whether they come back. */
import { randomBytes } from 'node:crypto';
import type { Canaries } from '../probes/probe-kind.ts';

export function createCanaries(random: (bytes: number) => Buffer = randomBytes): Canaries {
  const tag = random(6).toString('hex');
  return {
    email: `canary.${tag}@example.invalid`,
    name: `Canary Person ${tag}`,
    phone: `+00 ${tag.slice(0, 6)}`,
    apiKey: `canary${random(12).toString('hex')}`,
    fileText: `agentscore erasure canary ${tag}`,
  };
}
