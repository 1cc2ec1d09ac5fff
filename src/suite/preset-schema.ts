/** @module JSON Schema (draft 2020-12) for a provider preset (presets/*.yaml). */
import {
  authSchemeSchema,
  CAPABILITY_NAMES,
  capabilitiesSchema,
  idSchema,
  isoDateSchema,
  nonEmptyString,
  regionalEndpointsSchema,
} from './schema-parts.ts';

const envName = { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' } as const;

export const presetSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/preset.json',
  type: 'object',
  required: [
    'schemaVersion',
    'id',
    'title',
    'provider',
    'baseUrl',
    'auth',
    'offers',
    'rateLimitHeaders',
    'sources',
  ],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    id: idSchema,
    title: nonEmptyString,
    provider: { type: 'string', enum: ['mistral', 'openai-compatible'] },
    baseUrl: { type: 'string', pattern: String.raw`^(https?://|\{[A-Z_][A-Z0-9_]*\})` },
    auth: authSchemeSchema,
    apiKeyEnv: envName,
    model: nonEmptyString,
    query: { type: 'object', additionalProperties: { type: 'string' } },
    profile: nonEmptyString,
    offers: { ...capabilitiesSchema, required: [...CAPABILITY_NAMES] },
    rateLimitHeaders: { type: 'string', enum: ['mistral', 'openai', 'ietf', 'none'] },
    regionalEndpoints: regionalEndpointsSchema,
    sources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['url', 'title', 'retrieved'],
        additionalProperties: false,
        properties: {
          url: { type: 'string', pattern: '^https://' },
          title: nonEmptyString,
          retrieved: isoDateSchema,
        },
      },
    },
  },
} as const;
