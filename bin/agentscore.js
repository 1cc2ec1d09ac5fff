#!/usr/bin/env node
// Entry point. Runs the compiled CLI in dist/ when it is at least as new as every file in src/
// (npm install builds it), else the TypeScript sources through the tsx loader.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsFresh() {
  const stamp = `${root}dist/.built`;
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(`${root}src`);
}

let main;
if (process.env.AGENTSCORE_FROM_SOURCE !== '1' && compiledIsFresh()) {
  // The bundle (bin/build.js) loads a few files instead of every module; dist/cli/main.js is the same code.
  const bundled = existsSync(`${root}dist/bundle/main.js`);
  ({ main } = await import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
// After an interrupt, requests past their grace period may still hold sockets open: do not wait for them.
if (code === 130) process.exit(code);
