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
import type * as AjvModule from 'ajv';
import type { SchemaObject, ValidateFunction } from 'ajv';
import { createAjv } from './create-ajv.ts';

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

/**
 * For the build: one CommonJS module exporting a validator for each of `schemas` under its
 * validatorName, compiled with `options` (schema-validator.ts's). Formats come from ajv-formats at
 * load time, as createAjv adds them.
 */
export function standaloneValidatorsCode(schemas: readonly SchemaObject[], options: object): string {
  const { _ } = require('ajv') as typeof AjvModule;
  const standaloneCode = (require('ajv/dist/standalone') as { default: StandaloneCode }).default;
  const ajv = createAjv('2020-12', {
    ...options,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  const exports: Record<string, string> = {};
  for (const schema of schemas) {
    const name = validatorName(schema);
    if (exports[name]) continue;
    ajv.addSchema(schema, name);
    exports[name] = name;
  }
  return standaloneCode(ajv, exports);
}

type StandaloneCode = (ajv: ReturnType<typeof createAjv>, refsOrFunctions: Record<string, string>) => string;
