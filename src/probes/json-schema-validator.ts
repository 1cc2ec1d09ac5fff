/**
 * @module Validates values against schemas from the wild (JSON-mode schemas, tool parameters, MCP input
 * schemas) in the draft each declares by `$schema` (04, 06, 07, 2019-09, 2020-12; none means 2020-12),
 * with formats, compiled once per schema.
 */
import type { ValidateFunction } from 'ajv';
import {
  type AjvInstance,
  createAjv,
  type JsonSchemaDraft,
  readableSchema,
  schemaDraftOf,
} from '../suite/create-ajv.ts';

const ajvByDraft = new Map<JsonSchemaDraft, AjvInstance>();
const cache = new Map<string, ValidateFunction>();

export interface SchemaVerdict {
  valid: boolean;
  errors: string[];
}

function ajvFor(draft: JsonSchemaDraft): AjvInstance {
  let ajv = ajvByDraft.get(draft);
  if (!ajv) {
    ajv = createAjv(draft, { allErrors: true, validateFormats: true });
    ajvByDraft.set(draft, ajv);
  }
  return ajv;
}

function compiled(schema: unknown): ValidateFunction | string {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    const declared = schemaDraftOf(schema);
    if (typeof declared === 'object') return declared.error;
    try {
      const readable = readableSchema(schema as object, declared);
      validate = ajvFor(readable.draft).compile(readable.schema);
    } catch (error) {
      return (error as Error).message;
    }
    cache.set(key, validate);
  }
  return validate;
}

/** Why the schema is not valid JSON Schema of the draft it declares (ajv compile), or null when it compiles. */
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
