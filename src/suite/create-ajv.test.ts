import { describe, expect, it } from 'vitest';
import { createAjv, schemaDraftOf } from './create-ajv.ts';
import { draft04ToDraft07 } from './draft04-to-draft07.ts';

describe('schemaDraftOf', () => {
  it('names the draft by $schema, with or without https and the trailing #', () => {
    expect(schemaDraftOf({ $schema: 'http://json-schema.org/draft-04/schema#' })).toBe('draft-04');
    expect(schemaDraftOf({ $schema: 'http://json-schema.org/draft-06/schema' })).toBe('draft-06');
    expect(schemaDraftOf({ $schema: 'https://json-schema.org/draft-07/schema#' })).toBe('draft-07');
    expect(schemaDraftOf({ $schema: 'https://json-schema.org/draft/2019-09/schema' })).toBe('2019-09');
    expect(schemaDraftOf({ $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe('2020-12');
    expect(schemaDraftOf({ type: 'object' })).toBe('2020-12');
    expect(schemaDraftOf({ $schema: 'http://example.test/mine' })).toEqual({
      error: expect.stringMatching(/unsupported/),
    });
  });
});

describe('createAjv', () => {
  it('gives each draft its own semantics: tuples are `items: [...]` in draft-07, `prefixItems` in 2020-12', () => {
    const draft07Tuple = { type: 'array', items: [{ type: 'string' }], additionalItems: false };
    expect(createAjv('draft-07').validate(draft07Tuple, ['a'])).toBe(true);
    expect(createAjv('draft-07').validate(draft07Tuple, ['a', 'b'])).toBe(false);
    expect(() => createAjv('2020-12').compile(draft07Tuple)).toThrow(/items must be object,boolean/);
    const prefixed = { type: 'array', prefixItems: [{ type: 'string' }] };
    expect(createAjv('2020-12').validate(prefixed, [1])).toBe(false);
    expect(createAjv('draft-07').validate(prefixed, [1])).toBe(true);
  });

  it('adds formats to every draft', () => {
    for (const draft of ['draft-06', 'draft-07', '2019-09', '2020-12'] as const) {
      expect(createAjv(draft).validate({ type: 'string', format: 'uuid' }, 'nope')).toBe(false);
    }
  });
});

describe('draft04ToDraft07', () => {
  it('rewrites id and boolean exclusive bounds everywhere schemas nest, and leaves the input alone', () => {
    const input = {
      id: 'urn:x',
      properties: { id: { type: 'string' }, n: { minimum: 1, exclusiveMinimum: true } },
      items: [{ maximum: 2, exclusiveMaximum: false }],
      anyOf: [{ id: 'urn:y' }],
    };
    const copy = structuredClone(input);
    expect(draft04ToDraft07(input)).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'urn:x',
      properties: { id: { type: 'string' }, n: { exclusiveMinimum: 1 } },
      items: [{ maximum: 2 }],
      anyOf: [{ $id: 'urn:y' }],
    });
    expect(input).toEqual(copy);
  });
});
