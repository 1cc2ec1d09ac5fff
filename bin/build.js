#!/usr/bin/env node
// Compiles src/ to dist/ (same layout, .js imports) so the CLI starts without the TypeScript loader.
// Run by `npm install` (prepare). A failed build is not fatal: bin/agentscore.js then runs src/ via tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
// typescript's exports map hides bin/, so find the compiler by path.
const tsc = `${root}node_modules/typescript/bin/tsc`;
if (!existsSync(tsc)) {
  console.warn('agentscore build: typescript is not installed; the CLI will run from src/ through tsx');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
const build = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (build.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.warn('agentscore build: tsc failed; the CLI will run from src/ through tsx');
  process.exit(0);
}
// Files the code reads next to itself.
for (const assets of ['sandbox/profiles', 'report/templates']) {
  cpSync(`${root}src/${assets}`, `${dist}/${assets}`, { recursive: true });
}
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/.built`, `${new Date().toISOString()}\n`);
