/** @module ajv draft 2020-12 with formats, compiled once per schema: judges JSON-mode output and tool arguments. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();

export interface SchemaVerdict {
  valid: boolean;
  errors: string[];
}

function compiled(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    try {
      validate = ajv.compile(schema as object);
    } catch (error) {
      return (error as Error).message;
    }
    cache.set(key, validate);
  }
  return validate;
}

/** Why the schema is not valid draft 2020-12 JSON Schema (ajv compile), or null when it compiles. */
export function schemaCompileError(schema: unknown): string | null {
  if (typeof schema !== 'object' && typeof schema !== 'boolean')
    return 'a schema must be an object or a boolean';
  if (schema === null || Array.isArray(schema)) return 'a schema must be an object or a boolean';
  const validate = compiled(schema);
  return typeof validate === 'string' ? validate : null;
}

export function validateAgainst(schema: unknown, value: unknown): SchemaVerdict {
  const validate = compiled(schema);
  if (typeof validate === 'string') {
    return { valid: false, errors: [`schema does not compile: ${validate}`] };
  }
  const valid = validate(value) as boolean;
  return {
    valid,
    errors: valid
      ? []
      : (validate.errors ?? [])
          .slice(0, 5)
          .map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim()),
  };
}
