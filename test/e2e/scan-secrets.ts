/**
 * @module Test helper: every byte under a folder, searched for a key, its encodings and its distinctive
 * fragments. Built independently of the scrubber (only the "distinctive" rule is shared), so a form
 * the scrubber forgets is still found here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDistinctiveFragment, MIN_FRAGMENT_LENGTH } from '../../src/providers/scrub-secrets.ts';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function windows(text: string, length: number): string[] {
  const found: string[] = [];
  for (let index = 0; index + length <= text.length; index += 1)
    found.push(text.slice(index, index + length));
  return found;
}

/**
 * What counts as the key showing: the key itself, its percent-encoding, every distinctive window of
 * MIN_FRAGMENT_LENGTH characters, and the base64/base64url characters that carry only key bytes at
 * each of the three alignments (a user name of any length before it), in windows of 16 (12 bytes).
 */
export function keyTraces(key: string): string[] {
  const traces = new Set<string>([key, encodeURIComponent(key)]);
  for (const window of windows(key, MIN_FRAGMENT_LENGTH))
    if (isDistinctiveFragment(window)) traces.add(window);
  for (const prefix of ['', ':', '::']) {
    const bytes = Buffer.from(`${prefix}${key}`);
    for (const alphabet of ['base64', 'base64url'] as const) {
      // Skip the group that mixes prefix bits in and the last group, which depends on what follows.
      const core = bytes.toString(alphabet).slice(4, -4);
      for (const window of windows(core, 16)) traces.add(window);
    }
  }
  return [...traces];
}

/** Files (and the trace found) that contain the key, an encoding of it or a distinctive fragment. */
export function findSecret(dir: string, key: string): { file: string; fragment: string }[] {
  const traces = keyTraces(key);
  const hits: { file: string; fragment: string }[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file).toString('latin1');
    const trace = traces.find((candidate) => text.includes(candidate));
    if (trace !== undefined) hits.push({ file, fragment: trace });
  }
  return hits;
}
