/**
 * @module Rewrites a JSON Schema draft-04 document as draft-07, so ajv 8's default class reads it
 * without the ajv-draft-04 package. Draft-04 differs from draft-06/07 in three keywords: `id`
 * (now `$id`), and boolean `exclusiveMinimum`/`exclusiveMaximum` modifying `minimum`/`maximum`
 * (now numbers of their own). Everything else draft-04 has means the same in draft-07.
 */

type SchemaObject = Record<string, unknown>;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Keywords whose value is a schema. */
const SCHEMA_KEYWORDS = ['additionalItems', 'additionalProperties', 'not'];
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to schemas (`dependencies` values may also be name lists). */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', 'dependencies'];

function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function convert(value: unknown): unknown {
  if (!isSchemaObject(value)) return value;
  const out: SchemaObject = { ...value };
  if (typeof out.id === 'string') {
    out.$id = out.id;
    delete out.id;
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  for (const keyword of SCHEMA_KEYWORDS) if (keyword in out) out[keyword] = convert(out[keyword]);
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    if (Array.isArray(out[keyword])) out[keyword] = (out[keyword] as unknown[]).map(convert);
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = out[keyword];
    if (isSchemaObject(map))
      out[keyword] = Object.fromEntries(Object.entries(map).map(([name, item]) => [name, convert(item)]));
  }
  if (Array.isArray(out.items)) out.items = out.items.map(convert);
  else if ('items' in out) out.items = convert(out.items);
  return out;
}

/** A draft-07 copy of a draft-04 schema; the input is not changed. */
export function draft04ToDraft07(schema: object): object {
  const converted = convert(schema) as SchemaObject;
  return { ...converted, $schema: DRAFT_07 };
}
