#!/usr/bin/env node
// Compiles src/ to dist/ (same layout, .js imports) so the CLI starts without the TypeScript loader.
// Run by `npm install` (prepare). A failed build is not fatal: bin/agentscore.js then runs src/ via tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

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
await recordValidatedFiles();
await precompileValidators();
await precompileTemplates();
await bundleCli();
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/.built`, `${new Date().toISOString()}\n`);

/**
 * Performance step: runs the compiled loaders over the built-in presets and default rubric and records
 * each clean file's hash and value in dist/validated-files.json (see src/suite/validated-at-build.ts),
 * so a run skips their YAML parse and schema compile. A file with problems, or whose value JSON cannot
 * carry exactly, is left out and keeps the full path. Failing here costs speed, never correctness.
 */
async function recordValidatedFiles() {
  try {
    const load = (path) => import(pathToFileURL(`${dist}/${path}`).href);
    const { checkPresetFile } = await load('suite/load-presets.js');
    const { checkRubricFile } = await load('suite/load-rubric.js');
    const { recordKey, sha256, VALIDATED_FILES_NAME } = await load('suite/validated-at-build.js');
    const checks = [
      ...readdirSync(`${root}presets`)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => [`${root}presets/${name}`, async (file) => (await checkPresetFile(file)).preset]),
      [`${root}rubrics/default.yaml`, async (file) => (await checkRubricFile(file)).rubric],
    ];
    const record = {};
    for (const [file, check] of checks) {
      const value = await check(file);
      const json = JSON.stringify(value);
      if (value === null || !isDeepStrictEqual(JSON.parse(json), value)) continue;
      record[recordKey(file)] = { sha256: sha256(readFileSync(file, 'utf8')), json };
    }
    writeFileSync(`${dist}/${VALIDATED_FILES_NAME}`, `${JSON.stringify(record)}\n`);
  } catch (error) {
    console.warn(`agentscore build: built-in files not pre-validated (${error.message}); runs validate them`);
  }
}

/**
 * Performance step: ajv standalone code for the harness's own schemas (suite, rubric, preset, config,
 * ad-hoc target, target profile, every probe kind's and assertion's parameters), compiled with the
 * options schema-validator.ts uses, into dist/precompiled-validators.cjs (see
 * src/suite/precompiled-validators.ts). A schema missing here is compiled at run time as before.
 */
async function precompileValidators() {
  try {
    const load = (path) => import(pathToFileURL(`${dist}/${path}`).href);
    const { OWN_SCHEMA_OPTIONS } = await load('suite/schema-validator.js');
    const { PRECOMPILED_VALIDATORS_NAME, standaloneValidatorsCode } = await load(
      'suite/precompiled-validators.js',
    );
    const { registryNames } = await load('probes/registry.js');
    const { suiteSchema } = await load('suite/suite-schema.js');
    const { rubricSchema } = await load('suite/rubric-schema.js');
    const { presetSchema } = await load('suite/preset-schema.js');
    const { configSchema, adHocTargetSchema } = await load('suite/config-schema.js');
    const { targetProfileSchema } = await load('suite/target-profile-schema.js');
    const registry = registryNames();
    const schemas = [
      ...[suiteSchema, rubricSchema, presetSchema, configSchema, adHocTargetSchema, targetProfileSchema],
      ...Object.values(registry.kindParameters),
      ...Object.values(registry.assertionParameters),
    ].filter((schema) => schema !== undefined);
    const code = standaloneValidatorsCode(schemas, OWN_SCHEMA_OPTIONS);
    writeFileSync(`${dist}/${PRECOMPILED_VALIDATORS_NAME}`, code);
  } catch (error) {
    console.warn(`agentscore build: validators not precompiled (${error.message}); runs compile them`);
  }
}

/**
 * Performance step: Handlebars' precompiled spec of each report template, with the options its
 * renderer uses (TEMPLATE_OPTIONS in src/report/load-template.ts), as dist/report/templates/NAME.cjs
 * beside the source and tagged with its hash; a renderer whose template changed compiles it as before.
 */
async function precompileTemplates() {
  try {
    const { TEMPLATE_OPTIONS, precompiledTemplateModule } = await import(
      pathToFileURL(`${dist}/report/load-template.js`).href
    );
    for (const name of Object.keys(TEMPLATE_OPTIONS)) {
      writeFileSync(`${dist}/report/templates/${name}.cjs`, precompiledTemplateModule(name));
    }
  } catch (error) {
    console.warn(`agentscore build: templates not precompiled (${error.message}); renderers compile them`);
  }
}

/**
 * Performance step: the CLI as one ES module bundle, dist/bundle/main.js (lazy imports stay separate
 * chunks beside it), so a start loads a few files instead of the ~330 modules of dist/. Modules that
 * find files through `import.meta.url` (templates, profiles, precompiled validators, the rubric) keep
 * the URL they have in dist/, written relative to the bundle. bin/agentscore.js runs dist/cli/main.js
 * when the bundle is missing; the library (`exports`) is never bundled.
 */
async function bundleCli() {
  const outdir = `${dist}/bundle`;
  try {
    const { build } = await import('esbuild');
    const { relative } = await import('node:path');
    await build({
      entryPoints: [`${dist}/cli/main.js`],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      plugins: [
        {
          name: 'keep-module-urls',
          setup(build) {
            build.onLoad({ filter: /\.js$/ }, (args) => {
              const contents = readFileSync(args.path, 'utf8');
              if (!contents.includes('import.meta.url')) return { contents, loader: 'js' };
              const url = `new URL(${JSON.stringify(relative(outdir, args.path))}, import.meta.url).href`;
              return { contents: contents.replaceAll('import.meta.url', url), loader: 'js' };
            });
          },
        },
      ],
    });
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    console.warn(`agentscore build: CLI not bundled (${error.message}); it starts from dist/ modules`);
  }
}
