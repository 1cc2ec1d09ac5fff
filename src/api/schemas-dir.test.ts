import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allComponentPaths, CATEGORY_COMPONENTS } from '../spec/scorecard.ts';
import { createAjv } from '../suite/create-ajv.ts';
import { presetSchema } from '../suite/preset-schema.ts';
import { SCHEMAS_DIR, schemaPath } from './schemas-dir.ts';

type Schema = Record<string, unknown> & { $defs?: Record<string, Record<string, unknown>> };

const names = readdirSync(SCHEMAS_DIR)
  .filter((file) => file.endsWith('.schema.json'))
  .map((file) => file.replace(/\.schema\.json$/, ''));

function schema(name: string): Schema {
  return JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Schema;
}

describe('schemas/', () => {
  it('ships one draft 2020-12 schema per run file and per --json document, each compiling strictly', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'results',
        'scorecard',
        'run',
        'history-evidence',
        'run-output',
        'score-output',
      ]),
    );
    const ajv = createAjv('2020-12', { strictSchema: true, strictNumbers: true, allowUnionTypes: true });
    for (const name of names) ajv.addSchema(schema(name));
    for (const name of names) {
      expect(schema(name).$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema(name).$id, name).toBe(`${name}.schema.json`);
      expect(() => ajv.getSchema(`${name}.schema.json`), name).not.toThrow();
    }
  });

  it('scorecard and results name exactly the components src/spec/scorecard.ts has', () => {
    const scorecard = schema('scorecard');
    for (const [category, components] of Object.entries(CATEGORY_COMPONENTS)) {
      const categorySchema = scorecard.$defs?.[`category_${category}`] as {
        properties: { components: { properties: Record<string, unknown> } };
      };
      const properties = categorySchema.properties.components.properties;
      expect(Object.keys(properties), category).toEqual([...components]);
    }
    expect(schema('results').$defs?.componentPath?.enum).toEqual(allComponentPaths());
  });

  it("targets-output describes a preset exactly as the preset loader's schema does", () => {
    const { $schema: _draft, $id: _id, ...preset } = presetSchema as Record<string, unknown>;
    expect(schema('targets-output').$defs?.preset).toEqual(JSON.parse(JSON.stringify(preset)));
  });
});
