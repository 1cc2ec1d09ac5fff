/**
 * @module The one place ajv is constructed: an instance per JSON Schema draft, chosen by a schema's
 * `$schema`, always with formats. Drafts 06, 07 use ajv's default class (06 with its meta-schema
 * added), 2019-09 and 2020-12 their own classes. Draft-04 has no ajv 8 class (ajv-draft-04 is not a
 * dependency): its schemas are rewritten to draft-07 first (see `draft04ToDraft07`).
 */
import { createRequire } from 'node:module';
import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type * as AjvCoreModule from 'ajv/dist/core.js';
import addFormatsModule from 'ajv-formats';
import { draft04ToDraft07 } from './draft04-to-draft07.ts';

/** What every draft's class shares: compile, addSchema, addFormat. */
export type AjvInstance = AjvCoreModule.default;

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: AjvInstance) => AjvInstance;
const draft06MetaSchema = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-06.json') as object;

export type JsonSchemaDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** `$schema` URIs as written in the wild: http or https, with or without the trailing `#`. */
const DRAFT_BY_URI: [RegExp, JsonSchemaDraft][] = [
  [/^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, 'draft-04'],
  [/^https?:\/\/json-schema\.org\/draft-06\/schema#?$/, 'draft-06'],
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, 'draft-07'],
  [/^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, '2019-09'],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, '2020-12'],
];

/**
 * The draft a schema declares; 2020-12 when it declares none (DESIGN §5), an error for a `$schema`
 * this harness cannot read.
 */
export function schemaDraftOf(schema: unknown): JsonSchemaDraft | { error: string } {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return '2020-12';
  const declared = (schema as { $schema?: unknown }).$schema;
  if (declared === undefined) return '2020-12';
  if (typeof declared !== 'string') return { error: '$schema must be a string' };
  const match = DRAFT_BY_URI.find(([pattern]) => pattern.test(declared));
  return match
    ? match[1]
    : { error: `unsupported $schema ${declared} (known: drafts 04, 06, 07, 2019-09, 2020-12)` };
}

/** A fresh ajv for `draft` with formats. Options are ajv's; `strict` defaults to false for schemas from the wild. */
export function createAjv(draft: JsonSchemaDraft = '2020-12', options: Options = {}): AjvInstance {
  const settings: Options = { strict: false, logger: false, ...options };
  let ajv: AjvInstance;
  if (draft === '2020-12') ajv = new Ajv2020(settings);
  else if (draft === '2019-09') ajv = new Ajv2019(settings);
  else {
    ajv = new Ajv(settings);
    if (draft === 'draft-06') ajv.addMetaSchema(draft06MetaSchema);
  }
  addFormats(ajv);
  return ajv;
}

/** The schema as the ajv of its draft reads it: draft-04 rewritten to draft-07, others unchanged. */
export function readableSchema(
  schema: object,
  draft: JsonSchemaDraft,
): { draft: Exclude<JsonSchemaDraft, 'draft-04'>; schema: object } {
  return draft === 'draft-04' ? { draft: 'draft-07', schema: draft04ToDraft07(schema) } : { draft, schema };
}
