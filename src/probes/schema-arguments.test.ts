/** @module schema-arguments: generated arguments satisfy the schema they were built from. */
import { describe, expect, it } from 'vitest';
import { validateAgainst } from './json-schema-validator.ts';
import { argumentsFor, requiredProperties } from './schema-arguments.ts';

describe('argumentsFor', () => {
  it('fills required properties only, each valid for its schema', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string', minLength: 8 },
        units: { type: 'string', enum: ['imperial', 'metric'] },
        days: { type: 'integer', minimum: 3, maximum: 7 },
        when: { type: 'string', format: 'date' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        filter: { type: 'object', properties: { exact: { type: 'boolean' } }, required: ['exact'] },
        optional: { type: 'string' },
      },
      required: ['city', 'units', 'days', 'when', 'tags', 'filter'],
      additionalProperties: false,
    };
    const args = argumentsFor(schema);
    expect(args).toEqual({
      city: 'Parissss',
      units: 'imperial',
      days: 3,
      when: '2025-06-18',
      tags: ['Paris'],
      filter: { exact: true },
    });
    expect(validateAgainst(schema, args)).toEqual({ valid: true, errors: [] });
  });

  it('gives {} for a schema that requires nothing or is not an object', () => {
    expect(argumentsFor({ type: 'object', properties: {} })).toEqual({});
    expect(argumentsFor(null)).toEqual({});
    expect(requiredProperties({ required: ['a', 3, 'b'] })).toEqual(['a', 'b']);
  });
});
