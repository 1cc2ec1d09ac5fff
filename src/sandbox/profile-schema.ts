/** @module sandbox/profile-schema — JSON Schema (ajv) for sandbox behaviour profiles, as written in YAML or inline. */
import { Ajv, type ErrorObject } from 'ajv';

const nonNegativeInteger = { type: 'integer', minimum: 0 } as const;

const pathFaultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1, description: 'exact path, or a prefix when it ends with *' },
    method: { type: 'string', enum: ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS'] },
    hangMs: nonNegativeInteger,
    resetConnection: { type: 'boolean' },
    invalidUtf8: { type: 'boolean' },
    hugeErrorBodyBytes: { type: 'integer', minimum: 1 },
    invalidJson: { type: 'boolean' },
    lyingContentLength: { type: 'boolean' },
    sseCut: { type: 'string', enum: ['mid-event', 'no-done'] },
    status: { type: 'integer', minimum: 100, maximum: 599 },
  },
} as const;

/** Every key is optional: a profile states only what differs from its base (`extends`) or the defaults. */
export const profileSchema = {
  $id: 'https://agentscore.dev/schemas/sandbox-profile.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9+-]*$' },
    description: { type: 'string' },
    extends: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    latency: {
      type: 'object',
      additionalProperties: false,
      properties: { ttftMs: nonNegativeInteger, interTokenMs: nonNegativeInteger },
    },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requestsPerMinute: { type: 'integer', minimum: 1 },
        burst: { type: 'integer', minimum: 1 },
        tokensPerMinute: { type: 'integer', minimum: 1 },
        headers: { type: 'boolean' },
        retryAfter: { type: 'boolean' },
        jsonBody: { type: 'boolean' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxInputChars: { type: 'integer', minimum: 1 },
        maxBodyBytes: { type: 'integer', minimum: 1 },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      properties: { unauthorizedBody: { type: 'string', enum: ['detail', 'gateway'] } },
    },
    mcp: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        faults: {
          type: 'object',
          additionalProperties: false,
          properties: {
            missingDescriptions: { type: 'boolean' },
            invalidInputSchema: { type: 'boolean' },
            unstructuredToolErrors: { type: 'boolean' },
            unknownMethodOk: { type: 'boolean' },
          },
        },
      },
    },
    faults: {
      type: 'object',
      additionalProperties: false,
      properties: {
        authDisabled: { type: 'boolean' },
        echoCredentialsInErrors: { type: 'boolean' },
        echoInputInErrors: { type: 'boolean' },
        echoKeyEverywhere: { type: 'boolean' },
        htmlErrorOnMalformedJson: { type: 'boolean' },
        omitRequestIdHeaders: { type: 'boolean' },
        repeatToolCallAfterResult: { type: 'boolean' },
        ignoreToolChoice: { type: 'boolean' },
        fenceJson: { type: 'boolean' },
        dropRequiredJsonFields: { type: 'boolean' },
        serverErrors: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['every', 'status'],
            properties: {
              every: { type: 'integer', minimum: 1 },
              status: { type: 'integer', enum: [500, 502, 503, 504] },
            },
          },
        },
        truncateStreamAfterTokens: { anyOf: [nonNegativeInteger, { type: 'null' }] },
        truncateJsonBody: { type: 'boolean' },
        ignoreErasure: { type: 'boolean' },
        swapModelTo: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] },
        acceptUnknownModels: { type: 'boolean' },
        pathFaults: { type: 'array', items: pathFaultSchema },
      },
    },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
const validate = ajv.compile(profileSchema);

function describeIssue(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return `${where}: unknown key "${key}"`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/** Returns one readable line per problem (JSON path + message); empty when the profile is valid. */
export function findProfileIssues(data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map(describeIssue);
}
