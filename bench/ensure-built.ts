/**
 * @module bench/ensure-built — the CLI benchmarks time what users run: the compiled `dist/`. When it is
 * missing or older than `src/` (bin/agentscore.js would fall back to the tsx loader) it is rebuilt first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(): void {
  const stamp = `${ROOT}dist/.built`;
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(`${ROOT}src`)) return;
  process.stderr.write('dist/ is stale: npm run build first, so the CLI figures are the compiled CLI...\n');
  execFileSync(process.execPath, [`${ROOT}bin/build.js`], { stdio: ['ignore', 'ignore', 'inherit'] });
}
