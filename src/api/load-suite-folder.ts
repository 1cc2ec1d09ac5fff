/** @module The library's `loadSuites(dir)`: suite YAML files parsed and validated against the probe kinds this harness has. */
import { resolve } from 'node:path';
import { registryNames } from '../probes/registry.ts';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import type { SuiteSpec } from '../spec/suite.ts';
import { loadSuites } from '../suite/load-suites.ts';

/**
 * Loads every suite under `dir` (default: the suites shipped in the package), or the given files.
 * Throws `ValidationError` with file:line:field diagnostics for an invalid suite.
 */
export async function loadSuiteFolder(
  dir: string | readonly string[] = PROJECT_PATHS.suites,
): Promise<SuiteSpec[]> {
  return loadSuites(
    typeof dir === 'string' ? resolve(dir) : dir.map((file) => resolve(file)),
    registryNames(),
  );
}
