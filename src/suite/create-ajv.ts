/**
 * @module The one place ajv is constructed: an instance per JSON Schema draft, chosen by a schema's
 * `$schema`, always with formats. Drafts 06, 07 use ajv's default class (06 with its meta-schema
 * added), 2019-09 and 2020-12 their own classes. Draft-04 has no ajv 8 class (ajv-draft-04 is not a
 * dependency): its schemas are rewritten to draft-07 first (see `draft04ToDraft07`).
 */
import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv';
import type { Options } from 'ajv';
import type * as Ajv2019Module from 'ajv/dist/2019.js';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type * as AjvCoreModule from 'ajv/dist/core.js';
import { draft04ToDraft07 } from './draft04-to-draft07.ts';

/** What every draft's class shares: compile, addSchema, addFormat. */
export type AjvInstance = AjvCoreModule.default;

// ajv and ajv-formats are CommonJS: required on the first createAjv, so a command that validates
// nothing (or only against precompiled validators) never loads them (~40 ms of module loading).
const require = createRequire(import.meta.url);

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
  if (draft === '2020-12') {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof Ajv2020Module;
    ajv = new Ajv2020(settings);
  } else if (draft === '2019-09') {
    const { Ajv2019 } = require('ajv/dist/2019.js') as typeof Ajv2019Module;
    ajv = new Ajv2019(settings);
  } else {
    const { Ajv } = require('ajv') as typeof AjvModule;
    ajv = new Ajv(settings);
    if (draft === 'draft-06') ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  }
  const addFormats = require('ajv-formats') as (ajv: AjvInstance) => AjvInstance;
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
