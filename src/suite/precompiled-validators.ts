/**
 * @module Validators of the harness's own schemas compiled at build time: `bin/build.js` writes ajv's
 * standalone code for them to `dist/precompiled-validators.cjs`, one export per schema named after the
 * schema's fingerprint. Compiling them at run time took ~20-100 ms each on every run; loading the
 * compiled code takes a few. A schema the build did not see (or a run from `src/`, where there is no
 * such file) is compiled by ajv as before, with the same options, so results are the same either way.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { SchemaObject, ValidateFunction } from 'ajv';

export const PRECOMPILED_VALIDATORS_NAME = 'precompiled-validators.cjs';

const FILE = fileURLToPath(new URL(`../${PRECOMPILED_VALIDATORS_NAME}`, import.meta.url));
const require = createRequire(import.meta.url);
let validators: Readonly<Record<string, ValidateFunction>> | null | undefined;

/** The export name of `schema`'s validator: a hash of its JSON, so an edited schema never matches. */
export function validatorName(schema: SchemaObject): string {
  return `v${createHash('sha256').update(JSON.stringify(schema)).digest('hex')}`;
}

/** The build's validator for exactly this schema, if there is one. */
export function precompiledValidator(schema: SchemaObject): ValidateFunction | undefined {
  if (validators === undefined) {
    try {
      validators = require(FILE) as Record<string, ValidateFunction>;
    } catch {
      validators = null;
    }
  }
  return validators?.[validatorName(schema)];
}
