/** @module JSON Schema (draft 2020-12) for a target profile in fixtures/profiles/ (src/spec/target-profile.ts). */
import { componentPathSchema, idSchema, isoDateSchema, nonEmptyString } from './schema-parts.ts';

const stringList = { type: 'array', items: { type: 'string' } } as const;

/** A fact decides a check verdict (its status); it never carries a score (DESIGN §4). */
const claimSchema = {
  type: 'object',
  required: [
    'id',
    'component',
    'criterion',
    'quote',
    'sourceUrl',
    'effectiveDate',
    'retrievedDate',
    'status',
    'confidence',
    'reverifyBy',
  ],
  additionalProperties: false,
  properties: {
    id: idSchema,
    component: componentPathSchema,
    criterion: nonEmptyString,
    quote: nonEmptyString,
    sourceUrl: { type: 'string', format: 'uri' },
    effectiveDate: { type: ['string', 'null'], format: 'date' },
    retrievedDate: isoDateSchema,
    status: { type: 'string', enum: ['pass', 'partial', 'fail', 'unknown'] },
    confidence: { type: 'string', enum: ['primary-legal', 'docs', 'marketing', 'third-party'] },
    reverifyBy: isoDateSchema,
  },
} as const;

const booleanFlags = (names: readonly string[]) => ({
  type: 'object',
  required: names,
  additionalProperties: false,
  properties: Object.fromEntries(names.map((name) => [name, { type: 'boolean' }])),
});

const sectionsSchema = {
  type: 'object',
  required: [
    'bestWhen',
    'avoidWhen',
    'useCases',
    'notFor',
    'interface',
    'authentication',
    'pricing',
    'agentMetadata',
  ],
  additionalProperties: false,
  properties: {
    bestWhen: { type: 'string' },
    avoidWhen: { type: 'string' },
    useCases: stringList,
    notFor: stringList,
    interface: booleanFlags(['restApi', 'graphql', 'grpc', 'mcpServer', 'sdk', 'webhooks']),
    authentication: {
      type: 'object',
      required: ['methods', 'oauth', 'scopes', 'notes'],
      additionalProperties: false,
      properties: {
        methods: stringList,
        oauth: { type: 'boolean' },
        scopes: { type: 'boolean' },
        notes: { type: 'string' },
      },
    },
    pricing: {
      type: 'object',
      required: ['model', 'freeTier', 'requiresCreditCard', 'notes'],
      additionalProperties: false,
      properties: {
        model: { type: 'string' },
        freeTier: { type: 'boolean' },
        requiresCreditCard: { type: 'boolean' },
        notes: { type: 'string' },
      },
    },
    agentMetadata: {
      type: 'object',
      required: ['pagination', 'idempotent', 'retryGuidance'],
      additionalProperties: false,
      properties: {
        pagination: { type: 'string' },
        idempotent: { type: 'boolean' },
        retryGuidance: { type: 'string' },
      },
    },
  },
} as const;

const gotchaSchema = {
  type: 'object',
  required: ['title', 'detail', 'probeIds'],
  additionalProperties: false,
  properties: {
    title: nonEmptyString,
    detail: { type: 'string' },
    probeIds: stringList,
    sourceUrl: { type: 'string', format: 'uri' },
  },
} as const;

/** A list price is a fact with provenance: where and when it was read, and when to read it again. */
const priceSchema = {
  type: 'object',
  required: [
    'model',
    'currency',
    'inputPerMillion',
    'outputPerMillion',
    'batchDiscount',
    'asOf',
    'source',
    'reverifyBy',
  ],
  additionalProperties: false,
  properties: {
    model: nonEmptyString,
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR or USD' },
    inputPerMillion: { type: 'number', minimum: 0 },
    outputPerMillion: { type: 'number', minimum: 0 },
    batchDiscount: { type: ['number', 'null'], minimum: 0, maximum: 1 },
    asOf: isoDateSchema,
    source: { type: 'string', format: 'uri' },
    reverifyBy: isoDateSchema,
    notes: { type: 'string' },
  },
} as const;

export const targetProfileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/target-profile.json',
  type: 'object',
  required: [
    'schemaVersion',
    'name',
    'title',
    'description',
    'homepage',
    'tags',
    'claims',
    'sections',
    'gotchas',
    'sources',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    name: idSchema,
    title: nonEmptyString,
    description: { type: 'string' },
    homepage: { type: 'string', format: 'uri' },
    tags: stringList,
    claims: { type: 'array', items: claimSchema },
    sections: sectionsSchema,
    gotchas: { type: 'array', items: gotchaSchema },
    prices: { type: 'array', items: priceSchema },
    sources: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url', 'title', 'retrieved'],
        additionalProperties: false,
        properties: {
          url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          retrieved: isoDateSchema,
        },
      },
    },
  },
} as const;
