/** @module JSON Schema (draft 2020-12) for agentscore.config.yaml: named targets and run defaults. */
import { PUBLISHED_SPECS } from '../spec/target.ts';
import {
  authSchemeSchema,
  capabilitiesSchema,
  headerNameSchema,
  idSchema,
  nonEmptyString,
  regionalEndpointsSchema,
} from './schema-parts.ts';

const budgetsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxRequests: { type: 'integer', minimum: 1 },
    requestsPerSecond: { type: 'number', exclusiveMinimum: 0 },
    allowDestructive: { type: 'boolean' },
    allowBurst: { type: 'boolean' },
  },
} as const;

/** An API base URL as the OpenAI SDK takes it: scheme required, paths are appended to it. */
export const BASE_URL_EXAMPLE = 'https://api.mistral.ai/v1';

/** One target, as a config entry or as ad hoc flags: both are validated by this one schema. */
export const targetSchema = {
  type: 'object',
  required: ['provider', 'baseUrl', 'model'],
  additionalProperties: false,
  properties: {
    provider: { type: 'string', enum: ['mistral', 'openai-compatible'] },
    baseUrl: {
      type: 'string',
      pattern: '^https?://\\S+$',
      description: `an http(s) URL as the OpenAI SDK takes it, e.g. ${BASE_URL_EXAMPLE}`,
    },
    model: nonEmptyString,
    apiKeyEnv: {
      type: 'string',
      pattern: '^[A-Z_][A-Z0-9_]*$',
      description: 'the name of an environment variable such as MISTRAL_API_KEY, never the key itself',
    },
    profile: nonEmptyString,
    mcpUrl: { type: 'string', pattern: '^https?://\\S+$', description: 'an http(s) URL' },
    spec: { type: 'string', enum: [...PUBLISHED_SPECS] },
    budgets: budgetsSchema,
    preset: idSchema,
    auth: authSchemeSchema,
    headers: {
      type: 'object',
      propertyNames: headerNameSchema,
      additionalProperties: {
        oneOf: [
          { type: 'string' },
          {
            type: 'object',
            required: ['env'],
            additionalProperties: false,
            properties: { env: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' } },
          },
        ],
      },
      description: 'extra headers on every request; { env: NAME } reads the value from the environment',
    },
    query: { type: 'object', additionalProperties: { type: 'string' } },
    capabilities: capabilitiesSchema,
    regionalEndpoints: regionalEndpointsSchema,
  },
} as const;

export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/config.json',
  type: 'object',
  required: ['targets'],
  additionalProperties: false,
  properties: {
    targets: {
      type: 'object',
      propertyNames: idSchema,
      additionalProperties: targetSchema,
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        concurrency: { type: 'integer', minimum: 1 },
        timeoutMs: { type: 'integer', minimum: 1 },
        budgetRequests: { type: 'integer', minimum: 1 },
        maxRunSeconds: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

/** The target schema standing alone, for a target given as flags (`--provider`, `--base-url`, ...). */
export const adHocTargetSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://agentscore.dev/schemas/target.json',
  ...targetSchema,
} as const;
