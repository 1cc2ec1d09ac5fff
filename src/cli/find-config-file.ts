/** @module Finds agentscore.config.yaml from a folder upwards, the way vitest and promptfoo find theirs. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE_NAME = 'agentscore.config.yaml';

/**
 * The first `agentscore.config.yaml` in `startDir` or one of its parents up to the filesystem root,
 * or null. The nearest wins, so a project inside a monorepo keeps its own config.
 */
export function findConfigFile(startDir: string, fileName = CONFIG_FILE_NAME): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, fileName);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
