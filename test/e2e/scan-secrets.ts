/** @module Test helper: every byte under a folder, searched for a key and its 8+ character fragments. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Files (and the fragment found) that contain the key or any 8-character window of it. */
export function findSecret(dir: string, key: string): { file: string; fragment: string }[] {
  const windows = new Set<string>();
  for (let index = 0; index + 8 <= key.length; index += 1) windows.add(key.slice(index, index + 8));
  const hits: { file: string; fragment: string }[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file).toString('latin1');
    for (const window of windows) {
      if (text.includes(window)) {
        hits.push({ file, fragment: window });
        break;
      }
    }
  }
  return hits;
}
