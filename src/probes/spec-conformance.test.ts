import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeFingerprint } from './shape-fingerprint.ts';
import { conformsToSpec } from './spec-conformance.ts';

interface RecordedItem {
  kind: string;
  body: unknown;
  source: string;
}

/** Real non-streaming Mistral chat completions (prism-php/prism fixtures, MIT; see providers/__fixtures__/SOURCES.md). */
const recorded = (
  JSON.parse(
    readFileSync(new URL('../providers/__fixtures__/mistral-real-streams.json', import.meta.url), 'utf8'),
  ) as RecordedItem[]
).filter((item) => item.kind === 'json');

/** The ModelList example shape from the spec, with the fields docs.mistral.ai shows on a model card. */
const MODEL_LIST = {
  object: 'list',
  data: [
    {
      id: 'mistral-small-2506',
      object: 'model',
      created: 1759500189,
      owned_by: 'mistralai',
      capabilities: { completion_chat: true, function_calling: true, vision: true },
      name: 'mistral-small-2506',
      description: 'Our latest enterprise-grade small model.',
      max_context_length: 131072,
      aliases: ['mistral-small-latest'],
      deprecation: null,
      deprecation_replacement_model: null,
      default_model_temperature: 0.3,
      type: 'base',
    },
  ],
};

describe('conformsToSpec', () => {
  it('accepts every recorded real chat completion', () => {
    expect(recorded.length).toBeGreaterThan(0);
    for (const item of recorded)
      expect(conformsToSpec('ChatCompletionResponse', item.body), item.source).toMatchObject({ valid: true });
  });

  it('names what breaks: a missing field, a wrong type, a finish reason outside the enum', () => {
    const body = structuredClone(recorded[0]?.body) as Record<string, unknown> & {
      choices: Array<Record<string, unknown>>;
    };
    delete body.model;
    body.created = '2024-10-09';
    (body.choices[0] as Record<string, unknown>).finish_reason = 'done';
    const verdict = conformsToSpec('ChatCompletionResponse', body);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.join('\n')).toMatch(/must have required property 'model'/);
    expect(verdict.errors.join('\n')).toMatch(/\/created must be integer/);
    expect(verdict.errors.join('\n')).toMatch(/finish_reason must be equal to one of the allowed values/);
  });

  it('reports added fields without failing them (2026 usage carries prompt_tokens_details)', () => {
    const body = structuredClone(recorded[0]?.body) as Record<string, Record<string, unknown>>;
    (body.usage as Record<string, unknown>).prompt_tokens_details = { cached_tokens: 0 };
    expect(conformsToSpec('ChatCompletionResponse', body)).toEqual({
      valid: true,
      errors: [],
      undeclaredFields: ['/usage/prompt_tokens_details'],
    });
  });

  it('validates a models list, including its deprecation date format', () => {
    expect(conformsToSpec('ModelList', MODEL_LIST).valid).toBe(true);
    const broken = structuredClone(MODEL_LIST);
    (broken.data[0] as Record<string, unknown>).deprecation = 'next spring';
    (broken.data[0] as Record<string, unknown>).capabilities = undefined;
    const verdict = conformsToSpec('ModelList', JSON.parse(JSON.stringify(broken)));
    expect(verdict.valid).toBe(false);
  });
});

describe('shapeFingerprint', () => {
  it('lists sorted path:type pairs with arrays collapsed', () => {
    expect(
      shapeFingerprint({
        id: 'x',
        choices: [
          { index: 0, message: null },
          { index: 1, message: { content: 'a' } },
        ],
      }),
    ).toEqual([
      '$:object',
      '.choices:array',
      '.choices[].index:number',
      '.choices[].message.content:string',
      '.choices[].message:null',
      '.choices[].message:object',
      '.choices[]:object',
      '.id:string',
    ]);
  });

  it('changes when a field changes type and stays equal when only values change', () => {
    const body = recorded[0]?.body;
    const same = structuredClone(body) as Record<string, unknown>;
    same.id = 'another-id';
    expect(shapeFingerprint(same)).toEqual(shapeFingerprint(body));
    same.created = String(same.created);
    expect(shapeFingerprint(same)).toContain('.created:string');
  });
});
