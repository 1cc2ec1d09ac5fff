/** @module Lists the YAML files under a directory, recursively, in a stable order. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;

/** Every `*.yaml` / `*.yml` under `dir`, sorted by path; a missing directory yields none. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  let entries: { name: string; isDirectory(): boolean; isFile(): boolean }[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listYamlFiles(path)));
    else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(path);
  }
  return files.sort(byPath);
}

export function byPath(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
