/** @module Schema fragments shared by the suite, config, profile and rubric schemas. */
import { allComponentPaths } from '../spec/scorecard.ts';

/** Ids of suites, probes, targets and claims: letters, digits, `.`, `_` and `-`. */
export const idSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'letters, digits, ".", "_" and "-"',
} as const;

export const nonEmptyString = { type: 'string', minLength: 1 } as const;

export const componentPathSchema = { type: 'string', enum: allComponentPaths() } as const;

/** A component a check feeds, or null for an informational check. */
export const feedsSchema = { type: ['string', 'null'], enum: [...allComponentPaths(), null] } as const;

export const isoDateSchema = { type: 'string', format: 'date' } as const;

export const score0to100 = { type: 'number', minimum: 0, maximum: 100 } as const;

/** An HTTP header name (RFC 9110 token). */
export const headerNameSchema = { type: 'string', pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$" } as const;

/** The field a scheme needs beside it: an `if`/`then` per scheme, so an error names the one missing field. */
function needs(scheme: string, field: string) {
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's conditional keyword, not a thenable
  return { if: { properties: { scheme: { const: scheme } } }, then: { required: [field] } };
}

/** How the key travels: `{scheme: bearer}`, `{scheme: header, name}`, `{scheme: query, param}`, `{scheme: none}`. */
export const authSchemeSchema = {
  type: 'object',
  required: ['scheme'],
  additionalProperties: false,
  properties: {
    scheme: { type: 'string', enum: ['bearer', 'header', 'query', 'none'] },
    name: headerNameSchema,
    param: nonEmptyString,
    optional: { type: 'boolean' },
  },
  allOf: [needs('header', 'name'), needs('query', 'param')],
} as const;

export const CAPABILITY_NAMES = [
  'models',
  'streaming',
  'toolCalls',
  'jsonObject',
  'jsonSchema',
  'files',
  'embeddings',
] as const;

export const capabilitiesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, { type: 'boolean' }])),
} as const;

/** Regional base URLs a provider documents (presets and config targets). */
export const regionalEndpointsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['region', 'baseUrl'],
    additionalProperties: false,
    properties: { region: nonEmptyString, baseUrl: { type: 'string', pattern: '^https?://\\S+$' } },
  },
} as const;
