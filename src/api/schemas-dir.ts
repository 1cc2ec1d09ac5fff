/** @module Where the shipped JSON Schemas live (`schemas/<name>.schema.json` in the package). */
import { join } from 'node:path';
import { PROJECT_PATHS } from '../run/project-paths.ts';

export const SCHEMAS_DIR = join(PROJECT_PATHS.root, 'schemas');

/** The path of `schemas/<name>.schema.json`, e.g. `schemaPath('scorecard')`. */
export function schemaPath(name: string): string {
  return join(SCHEMAS_DIR, `${name}.schema.json`);
}
