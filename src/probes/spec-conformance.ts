/** @module Does a response body conform to the official API spec (fixtures/schemas/mistral-openapi-subset.yaml)? */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { publishedSpec, type Target } from '../spec/target.ts';
import { type AjvInstance, createAjv } from '../suite/create-ajv.ts';
import { type AssertionVerdict, notApplicable } from './assertion.ts';
import { componentSchema } from './openapi-schema.ts';

export const SPEC_FILE = new URL('../../fixtures/schemas/mistral-openapi-subset.yaml', import.meta.url);

/** Components we validate responses against. */
export type SpecSchemaName = 'ChatCompletionResponse' | 'ModelList';
export const SPEC_SCHEMAS: readonly SpecSchemaName[] = ['ChatCompletionResponse', 'ModelList'];

/**
 * Defects of the published spec, corrected so real responses are judged fairly:
 * ChatCompletionResponse lists `data` as required but never declares it, and no real chat completion carries it.
 */
const SPEC_ERRATA: Record<string, string[]> = { ChatCompletionResponse: ['data'] };

export interface SpecVerdict {
  valid: boolean;
  errors: string[];
  /** Fields the spec forbids (`additionalProperties: false`) but the body carries: not a breaking change, reported. */
  undeclaredFields: string[];
}

interface Validators {
  tolerant: ValidateFunction;
  strict: ValidateFunction;
}

let document: unknown;
const validators = new Map<SpecSchemaName, Validators>();

/** OpenAPI 3.1 schemas are JSON Schema 2020-12. */
function newAjv(): AjvInstance {
  const ajv = createAjv('2020-12', { allErrors: true });
  // OpenAPI's `binary` describes multipart uploads, never a JSON value we validate.
  ajv.addFormat('binary', true);
  return ajv;
}

/** The official spec, parsed once. */
export function specDocument(): unknown {
  document ??= parse(readFileSync(SPEC_FILE, 'utf8')) as unknown;
  return document;
}

function validatorsFor(name: SpecSchemaName): Validators {
  const cached = validators.get(name);
  if (cached) return cached;
  const document = specDocument();
  const compile = (tolerateAddedFields: boolean) =>
    newAjv().compile(componentSchema(document, name, { tolerateAddedFields, dropRequired: SPEC_ERRATA }));
  const built = { tolerant: compile(true), strict: compile(false) };
  validators.set(name, built);
  return built;
}

/** Validates `body` against the named component schema; extra fields do not make it invalid. */
export function conformsToSpec(name: SpecSchemaName, body: unknown): SpecVerdict {
  const { tolerant, strict } = validatorsFor(name);
  const valid = tolerant(body) as boolean;
  const errors = valid
    ? []
    : (tolerant.errors ?? [])
        .slice(0, 8)
        .map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  strict(body);
  const undeclaredFields = [
    ...new Set(
      (strict.errors ?? [])
        .filter((error) => error.keyword === 'additionalProperties')
        .map((error) => `${error.instancePath}/${String(error.params.additionalProperty)}`),
    ),
  ];
  return { valid, errors, undeclaredFields };
}

/**
 * Not judged when the target is not held to the spec (see publishedSpec): an OpenAI-compatible
 * server is not wrong for answering as OpenAI does. Null when the spec applies.
 */
export function specNotHeld(target: Pick<Target, 'provider' | 'baseUrl' | 'spec'>): AssertionVerdict | null {
  return publishedSpec(target) === null
    ? notApplicable(
        "not judged: the target is not held to Mistral's published spec (spec: none; --spec mistral holds it)",
      )
    : null;
}
