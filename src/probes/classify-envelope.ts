/** @module Names the envelope of an error body from the shapes seen on the live API (fixtures/schemas). */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../suite/create-ajv.ts';
import { readJson } from './response-body.ts';

export const ENVELOPE_NAMES = [
  'openai-like',
  'pydantic-detail-list',
  'fastapi-detail',
  'gateway',
  'openai-nested',
  'unstructured',
  'empty',
] as const;
export type EnvelopeName = (typeof ENVELOPE_NAMES)[number];

interface ShapeFile {
  shapes: { name: EnvelopeName; schema: object }[];
}

let validators: { name: EnvelopeName; validate: ValidateFunction }[] | undefined;

function loadValidators(): { name: EnvelopeName; validate: ValidateFunction }[] {
  if (validators) return validators;
  const file = new URL('../../fixtures/schemas/error-envelopes.json', import.meta.url);
  const shapes = (JSON.parse(readFileSync(file, 'utf8')) as ShapeFile).shapes;
  const ajv = createAjv('2020-12');
  validators = shapes.map((shape) => ({ name: shape.name, validate: ajv.compile(shape.schema) }));
  return validators;
}

/** Classifies a parsed body (or raw text) into one envelope name. */
export function classifyEnvelope(body: unknown): EnvelopeName {
  if (body === null || body === undefined || body === '') return 'empty';
  let value: unknown = body;
  if (typeof body === 'string') {
    const read = readJson(body);
    if (!read.ok) return 'unstructured';
    value = read.value;
  }
  for (const { name, validate } of loadValidators()) {
    if (validate(value)) return name;
  }
  return 'unstructured';
}
