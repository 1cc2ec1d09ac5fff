/** @module Arguments for a tool call, filled from the tool's input schema the way a careful agent would: required properties only. */
import { isRecord } from './response-body.ts';

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2025-06-18',
  'date-time': '2025-06-18T12:00:00Z',
  email: 'agent@example.com',
  uri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function sampleString(schema: Record<string, unknown>): string {
  const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
  if (format !== undefined) return format;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return 'Paris'.padEnd(minLength, 's');
}

function sampleNumber(schema: Record<string, unknown>, integer: boolean): number {
  if (typeof schema.minimum === 'number') return integer ? Math.ceil(schema.minimum) : schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number') return Math.floor(schema.exclusiveMinimum) + 1;
  if (typeof schema.maximum === 'number' && schema.maximum < 1) return Math.floor(schema.maximum);
  return 1;
}

/** A value for one property schema: const, enum, default or example first, else one of its type. */
export function sampleValue(schema: unknown, depth = 0): unknown {
  if (!isRecord(schema) || depth > 6) return 'Paris';
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length > 0) return sampleValue(variants[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: count }, () => sampleValue(schema.items, depth + 1));
    }
    case 'object':
      return argumentsFor(schema, depth + 1);
    default:
      return sampleString(schema);
  }
}

/** The required properties of an object schema, each with a sample value; `{}` when none are required. */
export function argumentsFor(schema: unknown, depth = 0): Record<string, unknown> {
  if (!isRecord(schema) || !Array.isArray(schema.required)) return {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  return Object.fromEntries(
    schema.required
      .filter((name): name is string => typeof name === 'string')
      .map((name) => [name, sampleValue(properties[name], depth)]),
  );
}

/** Names of the required properties an object schema declares. */
export function requiredProperties(schema: unknown): string[] {
  if (!isRecord(schema) || !Array.isArray(schema.required)) return [];
  return schema.required.filter((name): name is string => typeof name === 'string');
}
