/** @module Validates a parsed YAML document against a JSON Schema (ajv, draft 2020-12) into diagnostics. */
import type { ErrorObject, SchemaObject, ValidateFunction } from 'ajv';
import { unknownNameMessage } from './closest-match.ts';
import { createAjv } from './create-ajv.ts';
import type { Diagnostic, PathSegment } from './diagnostic.ts';
import { precompiledValidator } from './precompiled-validators.ts';
import { diagnosticAt, splitJsonPointer, type YamlDocument } from './yaml-document.ts';

// Our own schemas are strict: a typo in a schema keyword is a bug here, not a schema from the wild.
export const OWN_SCHEMA_OPTIONS = {
  strictSchema: true,
  strictNumbers: true,
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  discriminator: true,
} as const;
// Created on the first schema that needs compiling: importing this module costs no ajv.
let ajv: ReturnType<typeof createAjv> | undefined;
const compiled = new WeakMap<SchemaObject, ValidateFunction>();

/** Schema errors in `yaml`, one diagnostic per problem, located at the offending key or value. */
export function validateWithSchema(yaml: YamlDocument, schema: SchemaObject): Diagnostic[] {
  return validatePart(yaml, [], yaml.value, schema);
}

/**
 * Schema errors in one part of `yaml` (`value`, found at `at`), located in the file like
 * validateWithSchema's. `unknownName` names what an unknown key is ("field" by default), for
 * messages such as `unknown parameter "maxIteration" of kind agent-loop; did you mean ...`.
 */
export function validatePart(
  yaml: YamlDocument,
  at: PathSegment[],
  value: unknown,
  schema: SchemaObject,
  unknownName = 'field',
): Diagnostic[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = precompiledValidator(schema);
    if (!validate) {
      ajv ??= createAjv('2020-12', OWN_SCHEMA_OPTIONS);
      validate = ajv.compile(schema);
    }
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  const errors = withoutNoise(validate.errors ?? []);
  return errors.map((error) => {
    const segments = [...at, ...toSegments(value, splitJsonPointer(error.instancePath))];
    if (error.propertyName !== undefined) {
      return diagnosticAt(yaml, [...segments, error.propertyName], `invalid name: ${messageOf(error)}`);
    }
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const what = segments.length === at.length ? unknownName : 'field';
      return diagnosticAt(yaml, [...segments, extra], unknownNameMessage(what, extra, known));
    }
    return diagnosticAt(yaml, segments, messageOf(error));
  });
}

/** A type error on a value makes its enum/format/range errors redundant; `if` wrappers add nothing. */
function withoutNoise(errors: ErrorObject[]): ErrorObject[] {
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter(
    (error) =>
      error.keyword !== 'if' &&
      error.keyword !== 'propertyNames' &&
      (error.keyword === 'type' || !typeErrorPaths.has(error.instancePath)),
  );
}

function messageOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const got = describe(error.data);
  switch (error.keyword) {
    case 'required':
      return `missing required field "${String(params.missingProperty)}"`;
    case 'type':
      return `must be ${String(params.type).replace(',', ' or ')}, got ${got}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${got}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, got ${got}`;
    case 'format':
      return params.format === 'date'
        ? `must be an ISO date (YYYY-MM-DD), got ${got}`
        : `must be a valid ${String(params.format)}, got ${got}`;
    case 'pattern': {
      const hint =
        typeof error.parentSchema?.description === 'string' ? ` (${error.parentSchema.description})` : '';
      return `must match ${String(params.pattern)}${hint}, got ${got}`;
    }
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error !== 'mapping') return `missing required field "${tag}"`;
      const known = ((error.parentSchema?.oneOf as SchemaObject[] | undefined) ?? []).map((branch) =>
        String(branch.properties?.[tag]?.const),
      );
      return unknownNameMessage(tag, String(params.tagValue), known);
    }
    default:
      return `${error.message ?? 'is invalid'}${error.data === undefined ? '' : `, got ${got}`}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

/** Array indexes become numbers so paths read `probes[3]`, keys stay strings even when numeric. */
function toSegments(value: unknown, pointerSegments: string[]): PathSegment[] {
  const segments: PathSegment[] = [];
  let current: unknown = value;
  for (const segment of pointerSegments) {
    if (Array.isArray(current)) {
      segments.push(Number(segment));
      current = current[Number(segment)];
    } else {
      segments.push(segment);
      current =
        current !== null && typeof current === 'object'
          ? (current as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return segments;
}
