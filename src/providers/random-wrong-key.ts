/** @module A syntactically plausible but wrong API key, random and never derived from the real one. */
import { randomInt } from 'node:crypto';
import type { ProviderKind } from '../spec/target.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Shape of a typical key per provider: Mistral keys are 32 alphanumerics, OpenAI-style ones `sk-` + 48. */
const KEY_SHAPES: Record<ProviderKind, { prefix: string; length: number }> = {
  mistral: { prefix: '', length: 32 },
  'openai-compatible': { prefix: 'sk-', length: 48 },
};

export function randomWrongKey(kind: ProviderKind): string {
  const { prefix, length } = KEY_SHAPES[kind];
  let key = prefix;
  for (let index = 0; index < length; index++) key += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return key;
}
