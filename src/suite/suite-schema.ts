/** @module JSON Schema (draft 2020-12) for a suite file in suites/ (SuiteSpec in src/spec/suite.ts). */
import { REQUIREMENTS } from '../spec/suite.ts';
import { feedsSchema, idSchema, nonEmptyString } from './schema-parts.ts';

const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const authSchema = {
  type: 'object',
  required: ['mode'],
  discriminator: { propertyName: 'mode' },
  oneOf: [
    { properties: { mode: { const: 'bearer' } }, additionalProperties: false },
    { properties: { mode: { const: 'none' } }, additionalProperties: false },
    { properties: { mode: { const: 'wrong-key' } }, additionalProperties: false },
    {
      properties: { mode: { const: 'header' }, name: nonEmptyString, value: { type: 'string' } },
      required: ['name', 'value'],
      additionalProperties: false,
    },
    {
      properties: { mode: { const: 'query' }, param: nonEmptyString },
      required: ['param'],
      additionalProperties: false,
    },
  ],
} as const;

const requestSchema = {
  type: 'object',
  required: ['path'],
  additionalProperties: false,
  properties: {
    method: { type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] },
    path: { type: 'string' },
    headers: stringMap,
    query: stringMap,
    auth: authSchema,
    body: {},
    rawBody: { type: 'string' },
    stream: { type: 'boolean' },
  },
} as const;

/** Expectations are open: any key besides these is a parameter of the assertion. */
const expectationSchema = {
  type: 'object',
  required: ['assert'],
  properties: {
    assert: nonEmptyString,
    check: nonEmptyString,
    feeds: feedsSchema,
  },
} as const;

const probeSchema = {
  type: 'object',
  required: ['id', 'kind'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    kind: nonEmptyString,
    title: { type: 'string' },
    request: requestSchema,
    repeat: { type: 'integer', minimum: 1, maximum: 1000 },
    with: { type: 'object' },
    expect: { type: 'array', items: expectationSchema },
    feeds: feedsSchema,
    retries: { type: 'integer', minimum: 0, maximum: 10 },
    requires: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        enum: [...REQUIREMENTS],
      },
    },
    optIn: { type: 'string', enum: ['destructive', 'burst'] },
  },
} as const;

export const suiteSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/suite.json',
  type: 'object',
  required: ['id', 'title', 'description', 'probes'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    title: nonEmptyString,
    description: { type: 'string' },
    probes: { type: 'array', minItems: 1, items: probeSchema },
  },
} as const;
