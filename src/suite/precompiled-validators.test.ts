import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { registryNames } from '../probes/registry.ts';
import { PROJECT_PATHS } from '../run/project-paths.ts';
import { createAjv } from './create-ajv.ts';
import { standaloneValidatorsCode, validatorName } from './precompiled-validators.ts';
import { OWN_SCHEMA_OPTIONS } from './schema-validator.ts';
import { suiteSchema } from './suite-schema.ts';

// Inside the package, as dist/ is: the generated code requires ajv's runtime helpers by package name.
const dir = mkdtempSync(join(PROJECT_PATHS.root, '.precompiled-validators-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a diagnostic is built from: everything but the schema objects themselves. */
function errorsOf(validate: ValidateFunction, value: unknown) {
  validate(value);
  return (validate.errors ?? []).map((error: ErrorObject) => ({
    keyword: error.keyword,
    instancePath: error.instancePath,
    params: error.params,
    message: error.message,
    data: error.data,
    propertyName: error.propertyName,
    parentSchemaKeys: Object.keys(error.parentSchema ?? {}),
  }));
}

const BAD_SUITE = {
  id: 'bad',
  title: 5,
  probes: [
    { id: 'a', kind: 'json-mode', repeat: '3', with: { mode: 'json_objct' }, feeds: 'nope' },
    { id: 'b', kind: 'http', request: { method: 'GETT', auth: { mode: 'beare' } }, expect: [{}] },
    { id: 'c', unknownField: true },
  ],
};

describe('precompiled validators', () => {
  it('names a validator by its schema content, so an edited schema never finds a stale one', () => {
    expect(validatorName(suiteSchema)).toBe(validatorName(structuredClone(suiteSchema)));
    expect(validatorName({ ...suiteSchema, title: 'changed' })).not.toBe(validatorName(suiteSchema));
  });

  it('report exactly the errors of the run-time compile, for the suite schema and a kind`s parameters', () => {
    const jsonModeParameters = registryNames().kindParameters['json-mode']!;
    const file = join(dir, 'validators.cjs');
    writeFileSync(file, standaloneValidatorsCode([suiteSchema, jsonModeParameters], OWN_SCHEMA_OPTIONS));
    const precompiled = createRequire(import.meta.url)(file) as Record<string, ValidateFunction>;
    const ajv = createAjv('2020-12', OWN_SCHEMA_OPTIONS);
    const cases: [object, unknown][] = [
      [suiteSchema, BAD_SUITE],
      [suiteSchema, { id: 'ok', title: 'T', description: 'D', probes: [] }],
      [jsonModeParameters, { mode: 'json_object', prompt: 5, extra: 1 }],
    ];
    for (const [schema, value] of cases) {
      const standalone = precompiled[validatorName(schema)]!;
      expect(errorsOf(standalone, value)).toEqual(errorsOf(ajv.compile(schema), value));
    }
    expect(errorsOf(precompiled[validatorName(suiteSchema)]!, BAD_SUITE).length).toBeGreaterThan(5);
  });
});
