/** @module One component schema of an OpenAPI 3.1 document as a standalone JSON Schema (draft 2020-12) for ajv. */
import { isRecord } from './response-body.ts';

const COMPONENT_REF = '#/components/schemas/';
/** OpenAPI-only keywords that JSON Schema 2020-12 does not know. */
const OPENAPI_ONLY = new Set(['discriminator', 'example', 'xml', 'externalDocs']);

export interface ConvertOptions {
  /**
   * Drop `additionalProperties: false`: a field added to a response is not a breaking change, and the
   * published spec lags the API (real usage blocks carry `prompt_tokens_details`, the spec forbids it).
   */
  tolerateAddedFields: boolean;
  /** Names to remove from `required` per component: published-spec defects, each with its reason in the caller. */
  dropRequired?: Record<string, string[]>;
}

type Schema = Record<string, unknown>;

function convertNode(node: unknown, options: ConvertOptions, found: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => convertNode(item, options, found));
  if (!isRecord(node)) return node;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (OPENAPI_ONLY.has(key)) continue;
    if (key === 'additionalProperties' && value === false && options.tolerateAddedFields) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF)) {
      const name = value.slice(COMPONENT_REF.length);
      found.add(name);
      converted.$ref = `#/$defs/${name}`;
      continue;
    }
    // `properties` maps names to schemas: its keys are data, not keywords.
    converted[key] =
      key === 'properties' && isRecord(value)
        ? Object.fromEntries(
            Object.entries(value).map(([name, schema]) => [name, convertNode(schema, options, found)]),
          )
        : convertNode(value, options, found);
  }
  // OpenAPI 3.0 leftovers some 3.1 documents still carry.
  if (converted.nullable === true && typeof converted.type === 'string')
    converted.type = [converted.type, 'null'];
  delete converted.nullable;
  return converted;
}

function withoutRequired(schema: unknown, names: string[]): unknown {
  if (!isRecord(schema)) return schema;
  const result: Schema = { ...schema };
  if (Array.isArray(result.required))
    result.required = result.required.filter((name) => !names.includes(String(name)));
  if (Array.isArray(result.allOf)) result.allOf = result.allOf.map((part) => withoutRequired(part, names));
  return result;
}

/** `root` and every component it reaches, under `$defs`, as a 2020-12 schema. Throws on a dangling reference. */
export function componentSchema(document: unknown, root: string, options: ConvertOptions): Schema {
  const components =
    isRecord(document) && isRecord(document.components) && isRecord(document.components.schemas)
      ? document.components.schemas
      : {};
  const defs: Schema = {};
  const pending = [root];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in defs) continue;
    if (!(name in components)) throw new Error(`OpenAPI component ${name} is not defined`);
    const found = new Set<string>();
    const drop = options.dropRequired?.[name];
    defs[name] = convertNode(
      drop ? withoutRequired(components[name], drop) : components[name],
      options,
      found,
    );
    pending.push(...found);
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: `#/$defs/${root}`, $defs: defs };
}
