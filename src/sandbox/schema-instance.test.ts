/** @module sandbox/schema-instance.test — generated instances validate (ajv draft 2020-12 + formats), directly and over HTTP. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { chat, withSandbox } from './sandbox-test-client.ts';
import { generateInstance } from './schema-instance.ts';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

function validator(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const ORDER_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'placedAt', 'customer', 'lines', 'status', 'total'],
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    placedAt: { type: 'string', format: 'date-time' },
    deliveryDate: { type: 'string', format: 'date' },
    status: { enum: ['pending', 'shipped', 'delivered'] },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    total: { type: 'number', exclusiveMinimum: 0, maximum: 10000 },
    customer: { $ref: '#/$defs/customer' },
    lines: { type: 'array', minItems: 2, maxItems: 4, items: { $ref: '#/$defs/line' } },
    tags: {
      type: 'array',
      uniqueItems: true,
      minItems: 3,
      items: { type: 'string', minLength: 2, maxLength: 12 },
    },
    note: { type: ['string', 'null'], maxLength: 5 },
    coupon: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^.*$' }] },
    kind: { const: 'order' },
    flags: { type: 'object', additionalProperties: { type: 'boolean' } },
  },
  $defs: {
    customer: {
      type: 'object',
      additionalProperties: false,
      required: ['email', 'website', 'name'],
      properties: {
        name: { type: 'string', minLength: 3 },
        email: { type: 'string', format: 'email' },
        website: { type: 'string', format: 'uri' },
        address: { $ref: '#/$defs/address' },
      },
    },
    address: {
      type: 'object',
      required: ['country'],
      properties: {
        country: { type: 'string', enum: ['FR', 'DE'] },
        zip: { type: 'string', minLength: 5, maxLength: 5 },
      },
    },
    line: {
      type: 'object',
      required: ['sku', 'quantity', 'unitPrice'],
      additionalProperties: false,
      properties: {
        sku: { type: 'string' },
        quantity: { type: 'integer', minimum: 1, multipleOf: 2 },
        unitPrice: { type: 'number', minimum: 0.5, maximum: 0.75 },
        size: { oneOf: [{ type: 'string', enum: ['S', 'M'] }, { type: 'integer' }] },
        discount: {
          allOf: [
            { type: 'object', required: ['rate'], properties: { rate: { type: 'number', maximum: 0.2 } } },
            { required: ['code'], properties: { code: { type: 'string' } } },
          ],
        },
      },
    },
  },
};

const SCHEMAS: Record<string, object> = {
  order: ORDER_SCHEMA,
  book: {
    type: 'object',
    properties: { name: { type: 'string' }, authors: { type: 'array', items: { type: 'string' } } },
    required: ['name', 'authors'],
    additionalProperties: false,
  },
  negativeRange: { type: 'integer', maximum: -10 },
  exclusiveInteger: { type: 'integer', exclusiveMinimum: 3, exclusiveMaximum: 5 },
  uniqueEnums: { type: 'array', uniqueItems: true, minItems: 2, items: { enum: ['a', 'b', 'c'] } },
  formats: {
    type: 'object',
    required: ['a', 'b', 'c', 'd', 'e'],
    properties: {
      a: { format: 'ipv4', type: 'string' },
      b: { format: 'ipv6', type: 'string' },
      c: { format: 'hostname', type: 'string' },
      d: { format: 'time', type: 'string' },
      e: { format: 'uri-reference', type: 'string' },
    },
  },
  recursive: {
    $defs: {
      node: {
        type: 'object',
        required: ['value'],
        properties: {
          value: { type: 'integer' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
      },
    },
    $ref: '#/$defs/node',
  },
};

describe('generateInstance', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`satisfies the ${name} schema`, () => {
      const validate = validator().compile(schema);
      const instance = generateInstance(schema, {
        sentence: 'Order for Marie in Paris',
        words: ['Order', 'for', 'Marie', 'in', 'Paris'],
      });
      expect(validate(instance), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('reuses the user message for free-text fields and picks first enum values', () => {
    const instance = generateInstance(
      {
        type: 'object',
        properties: {
          query: { type: 'string' },
          city: { type: 'string' },
          unit: { enum: ['celsius', 'fahrenheit'] },
        },
      },
      { sentence: 'weather in Detroit today', words: ['weather', 'in', 'Detroit', 'today'] },
    );
    expect(instance).toEqual({ query: 'weather in Detroit today', city: 'Detroit', unit: 'celsius' });
  });
});

describe('json_schema response_format over HTTP', () => {
  it('returns content that parses and validates against a nested schema with $defs, enums, arrays and formats', async () => {
    await withSandbox('fast', async (sandbox) => {
      const response = await chat(sandbox, {
        messages: [{ role: 'user', content: 'Create an order as JSON.' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'order', strict: true, schema: ORDER_SCHEMA },
        },
      });
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      const validate = validator().compile(ORDER_SCHEMA);
      const content = JSON.parse(body.choices[0]?.message.content ?? '');
      expect(validate(content), JSON.stringify(validate.errors)).toBe(true);
    });
  });

  it('json_object mode returns a JSON object', async () => {
    await withSandbox('fast', async (sandbox) => {
      const response = await chat(sandbox, {
        messages: [{ role: 'user', content: 'Answer in JSON.' }],
        response_format: { type: 'json_object' },
      });
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      const content = JSON.parse(body.choices[0]?.message.content ?? '') as unknown;
      expect(typeof content === 'object' && content !== null && !Array.isArray(content)).toBe(true);
    });
  });
});
