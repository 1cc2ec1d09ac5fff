/** @module `agentscore validate`: checks any mix of suite, rubric, target-profile and config files. */
import { access, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { crossCheckCatalogue } from './cross-check-catalogue.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { fieldOf } from './field-of.ts';
import { listYamlFiles } from './list-yaml-files.ts';
import { checkConfigFile, DEFAULT_CONFIG_FILE } from './load-config.ts';
import { checkPresetFile } from './load-presets.ts';
import { checkRubricFile } from './load-rubric.ts';
import { checkSuiteFiles, type SuiteRegistry } from './load-suites.ts';
import { checkTargetProfileFile, DEFAULT_PROFILES_DIR } from './load-target-profile.ts';
import { readYamlFile } from './yaml-document.ts';

export type FileKind = 'suite' | 'rubric' | 'target-profile' | 'config' | 'preset';

/** Where `validateFiles()` looks when given no paths (relative to the working directory). */
export const DEFAULT_LOCATIONS = {
  suites: 'suites',
  rubrics: 'rubrics',
  profiles: DEFAULT_PROFILES_DIR,
  presets: 'presets',
} as const;

/**
 * Diagnostics for every file in `paths` (empty when all are valid). With no paths: every YAML file
 * under suites/, rubrics/, fixtures/profiles/, plus agentscore.config.yaml when present.
 * Valid suites and valid rubrics are then cross-checked (cross-check-catalogue.ts): every suite
 * check must be in each rubric given; with no paths (every suite), every rubric check must be
 * emitted by a suite or be `derived`.
 */
export async function validateFiles(
  paths: readonly string[],
  registry: SuiteRegistry,
  options: { root?: string } = {},
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const files =
    paths.length > 0 ? await expandFolders(paths, diagnostics) : await defaultFiles(options.root ?? '.');
  const suites: string[] = [];
  const rubrics: string[] = [];
  for (const file of files) {
    const kind = kindByLocation(file) ?? (await kindByContent(file));
    if (kind === 'suite') suites.push(file);
    else if (kind === 'rubric') {
      const checked = await checkRubricFile(file);
      diagnostics.push(...checked.diagnostics);
      if (checked.rubric) rubrics.push(file);
    } else if (kind === 'target-profile')
      diagnostics.push(...(await checkTargetProfileFile(file)).diagnostics);
    else if (kind === 'config') diagnostics.push(...(await checkConfigFile(file)).diagnostics);
    else if (kind === 'preset') diagnostics.push(...(await checkPresetFile(file)).diagnostics);
    else diagnostics.push(...kind.diagnostics);
  }
  // Suites are checked together so duplicate suite ids across files are caught.
  const checkedSuites = await checkSuiteFiles(suites, registry);
  diagnostics.push(...checkedSuites.diagnostics);
  const allSuitesValid = checkedSuites.diagnostics.length === 0;
  for (const rubric of rubrics) {
    diagnostics.push(
      ...(await crossCheckCatalogue(checkedSuites.suites, rubric, {
        complete: paths.length === 0 && allSuitesValid && suites.length > 0,
        implied: registry.impliedChecks,
      })),
    );
  }
  return diagnostics.sort(compareDiagnostics);
}

/** The kind a file's name or folder implies, or undefined when only its content can tell. */
export function kindByLocation(file: string): FileKind | undefined {
  const normalised = file.replaceAll('\\', '/');
  const name = basename(normalised);
  if (name === DEFAULT_CONFIG_FILE) return 'config';
  if (/(^|\/)fixtures\/profiles\/[^/]+\.ya?ml$/i.test(normalised)) return 'target-profile';
  if (/rubric[^/]*\.ya?ml$/i.test(name) || /(^|\/)rubrics\/.+\.ya?ml$/i.test(normalised)) return 'rubric';
  if (/(^|\/)suites\/.+\.ya?ml$/i.test(normalised)) return 'suite';
  if (/(^|\/)presets\/[^/]+\.ya?ml$/i.test(normalised)) return 'preset';
  return undefined;
}

const KIND_BY_TOP_LEVEL_KEY: [string, FileKind][] = [
  ['probes', 'suite'],
  ['rubricVersion', 'rubric'],
  ['claims', 'target-profile'],
  ['targets', 'config'],
  ['offers', 'preset'],
];

async function kindByContent(file: string): Promise<FileKind | { diagnostics: Diagnostic[] }> {
  const parsed = await readYamlFile(file);
  if (!parsed.document) return { diagnostics: parsed.diagnostics };
  const value = parsed.document.value;
  const match = KIND_BY_TOP_LEVEL_KEY.find(([key]) => fieldOf(value, key) !== undefined);
  if (match) return match[1];
  const message =
    'cannot tell what this file is: expected a suite (probes), rubric (rubricVersion), ' +
    'target profile (claims), config (targets) or provider preset (offers)';
  return { diagnostics: [{ file, line: 1, column: 1, path: '', message }] };
}

/**
 * A folder given on the command line (`validate suites/`) stands for the YAML files under it; one
 * with none is a problem, not a pass.
 */
async function expandFolders(paths: readonly string[], diagnostics: Diagnostic[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const inside = await listYamlFiles(path);
    if (inside.length === 0)
      diagnostics.push({ file: path, line: 1, column: 1, path: '', message: 'no YAML files in this folder' });
    files.push(...inside);
  }
  return files;
}

async function defaultFiles(root: string): Promise<string[]> {
  const found = [
    ...(await listYamlFiles(join(root, DEFAULT_LOCATIONS.suites))),
    ...(await listYamlFiles(join(root, DEFAULT_LOCATIONS.rubrics))),
    ...(await listYamlFiles(join(root, DEFAULT_LOCATIONS.profiles))),
    ...(await listYamlFiles(join(root, DEFAULT_LOCATIONS.presets))),
  ];
  const config = join(root, DEFAULT_CONFIG_FILE);
  const hasConfig = await access(config).then(
    () => true,
    () => false,
  );
  return hasConfig ? [...found, config] : found;
}
