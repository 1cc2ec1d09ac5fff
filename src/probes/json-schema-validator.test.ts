import { describe, expect, it } from 'vitest';
import { schemaCompileError, validateAgainst } from './json-schema-validator.ts';

/** What zod-to-json-schema emits for z.object({ city: z.string().min(1), days: z.number().int().max(14).optional() }). */
const zodDraft07 = {
  type: 'object',
  properties: {
    city: { type: 'string', minLength: 1 },
    days: { type: 'integer', maximum: 14 },
  },
  required: ['city'],
  additionalProperties: false,
  $schema: 'http://json-schema.org/draft-07/schema#',
};

describe('validateAgainst reads the draft a schema declares', () => {
  it('draft-07 as zod-to-json-schema writes it: compiles, accepts valid, rejects invalid', () => {
    expect(schemaCompileError(zodDraft07)).toBeNull();
    expect(validateAgainst(zodDraft07, { city: 'Paris', days: 3 }).valid).toBe(true);
    const verdict = validateAgainst(zodDraft07, { city: '', days: 30, extra: true });
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.join(' ')).toMatch(/fewer than 1|must NOT have additional|<= 14/);
  });

  it('draft-07 keeps its own semantics: items as an array is a tuple, additionalItems applies', () => {
    const tuple = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
      additionalItems: false,
    };
    expect(validateAgainst(tuple, ['a', 1]).valid).toBe(true);
    expect(validateAgainst(tuple, ['a', 1, 2]).valid).toBe(false);
  });

  it('draft-06', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-06/schema#',
      type: 'object',
      properties: { n: { type: 'number', exclusiveMinimum: 0 } },
      required: ['n'],
    };
    expect(schemaCompileError(schema)).toBeNull();
    expect(validateAgainst(schema, { n: 1 }).valid).toBe(true);
    expect(validateAgainst(schema, { n: 0 }).valid).toBe(false);
  });

  it('draft-04: id and boolean exclusiveMaximum are read as draft-04 meant them', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      id: 'http://example.test/temperature.json',
      type: 'object',
      properties: {
        celsius: { type: 'number', minimum: -90, maximum: 60, exclusiveMaximum: true },
        list: { type: 'array', items: { type: 'integer', minimum: 0, exclusiveMinimum: false } },
      },
      required: ['celsius'],
    };
    expect(schemaCompileError(schema)).toBeNull();
    expect(validateAgainst(schema, { celsius: 59.9, list: [0, 3] }).valid).toBe(true);
    expect(validateAgainst(schema, { celsius: 60 }).valid).toBe(false);
    expect(validateAgainst(schema, { celsius: -91 }).valid).toBe(false);
    expect(validateAgainst(schema, { celsius: 1, list: [-1] }).valid).toBe(false);
  });

  it('2019-09: dependentRequired', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      type: 'object',
      dependentRequired: { card: ['expiry'] },
    };
    expect(schemaCompileError(schema)).toBeNull();
    expect(validateAgainst(schema, { card: '4111', expiry: '12/30' }).valid).toBe(true);
    expect(validateAgainst(schema, { card: '4111' }).valid).toBe(false);
  });

  it('2020-12 (declared or by default): prefixItems, formats', () => {
    const declared = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string', format: 'email' }],
      items: false,
    };
    expect(validateAgainst(declared, ['a@example.test']).valid).toBe(true);
    expect(validateAgainst(declared, ['not-an-email']).valid).toBe(false);
    expect(validateAgainst(declared, ['a@example.test', 'b@example.test']).valid).toBe(false);
    const undeclared = { type: 'string', format: 'date' };
    expect(validateAgainst(undeclared, '2026-11-26').valid).toBe(true);
    expect(validateAgainst(undeclared, '26/11/2026').valid).toBe(false);
  });

  it('rejects schemas that are not schemas, and drafts it cannot read, with a reason', () => {
    expect(schemaCompileError({ type: 'strnig' })).toMatch(/type/);
    expect(schemaCompileError('string')).toMatch(/object or a boolean/);
    expect(schemaCompileError({ $schema: 'http://json-schema.org/draft-03/schema#' })).toMatch(
      /unsupported \$schema/,
    );
    const verdict = validateAgainst({ type: 'strnig' }, 'x');
    expect(verdict.valid).toBe(false);
    expect(verdict.errors[0]).toMatch(/schema does not compile/);
  });
});
