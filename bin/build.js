#!/usr/bin/env node
// Compiles src/ to dist/ (same layout, .js imports) so the CLI starts without the TypeScript loader.
// Run by `npm install` (prepare). A failed build is not fatal: bin/agentscore.js then runs src/ via tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// The compiler rewrites `.ts` import paths in .js output only; declaration files keep them, and a
// consumer's TypeScript would then look for sources the package does not export. Point them at .js.
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = `${entry.parentPath ?? entry.path}/${entry.name}`; // `path` before Node 20.12
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
  if (rewritten !== text) writeFileSync(file, rewritten);
}
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/.built`, `${new Date().toISOString()}\n`);
