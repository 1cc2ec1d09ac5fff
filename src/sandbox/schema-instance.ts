/** @module sandbox/schema-instance — a deterministic generator of JSON values that satisfy a JSON Schema. */

type Schema = Record<string, unknown>;

/** Text the generator may reuse for free-form string fields (taken from the user's message). */
export interface InstanceHints {
  sentence: string;
  words: string[];
}

interface Context {
  root: Schema;
  hints: InstanceHints | undefined;
  depth: number;
  propertyName: string | undefined;
  /** Distinguishes items of a uniqueItems array. */
  variant: number;
  /** Counts pattern fields filled from the message, so two airport codes are two different words. */
  patternUse?: { next(): number };
}

const MAX_DEPTH = 12;
const OPTIONAL_PROPERTIES_DEPTH = 3;
const FREE_TEXT_NAMES =
  /^(q|query|search|text|prompt|question|input|message|content|body|description|topic|keywords?)$/i;

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2025-01-15T09:30:00Z',
  date: '2025-01-15',
  time: '09:30:00Z',
  duration: 'P1D',
  email: 'sandbox@example.com',
  'idn-email': 'sandbox@example.com',
  uri: 'https://example.com/sandbox',
  'uri-reference': 'https://example.com/sandbox',
  iri: 'https://example.com/sandbox',
  url: 'https://example.com/sandbox',
  uuid: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  'json-pointer': '/sandbox',
  regex: '^sandbox$',
};

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[key] : undefined;
  }
  return isSchema(node) ? node : {};
}

function pickType(schema: Schema): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((entry) => entry !== 'null') ?? type[0]) as string | undefined;
  if (isSchema(schema.properties) || Array.isArray(schema.required)) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  if (schema.format !== undefined || schema.minLength !== undefined || schema.pattern !== undefined)
    return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return undefined;
}

function numberInstance(schema: Schema, integer: boolean, variant: number): number {
  const bound = (key: string): number | undefined =>
    typeof schema[key] === 'number' ? (schema[key] as number) : undefined;
  const multipleOf = bound('multipleOf');
  const step = multipleOf !== undefined && multipleOf > 0 ? multipleOf : 1;
  const exclusiveMin = bound('exclusiveMinimum');
  const exclusiveMax = bound('exclusiveMaximum');
  const lows = [
    bound('minimum'),
    exclusiveMin === undefined ? undefined : exclusiveMin + (integer ? 1 : step / 2),
  ];
  const highs = [
    bound('maximum'),
    exclusiveMax === undefined ? undefined : exclusiveMax - (integer ? 1 : step / 2),
  ];
  const low = Math.max(
    ...lows.filter((value): value is number => value !== undefined),
    Number.NEGATIVE_INFINITY,
  );
  const high = Math.min(
    ...highs.filter((value): value is number => value !== undefined),
    Number.POSITIVE_INFINITY,
  );
  let value = Number.isFinite(low) ? low : Math.min(1, high);
  if (multipleOf !== undefined || integer) value = Math.ceil(value / step) * step;
  value += variant * step;
  if (value > high) value = multipleOf !== undefined || integer ? Math.floor(high / step) * step : high;
  return integer ? Math.round(value) : Number(value.toFixed(9));
}

function freeText(context: Context): string {
  const { hints, propertyName } = context;
  if (hints === undefined || hints.sentence === '') return 'sandbox';
  if (propertyName !== undefined && FREE_TEXT_NAMES.test(propertyName)) return hints.sentence;
  const capitalised = hints.words.slice(1).find((word) => /^\p{Lu}/u.test(word));
  const longest = [...hints.words].sort((a, b) => b.length - a.length)[0];
  return capitalised ?? longest ?? 'sandbox';
}

function stringInstance(schema: Schema, context: Context): string {
  // A pattern cannot be inverted in general; the schema's own example or default is the best guess.
  if (typeof schema.pattern === 'string') {
    const example = Array.isArray(schema.examples) ? schema.examples[0] : schema.default;
    if (typeof example === 'string') return example;
    // Like a model would: take words of the user's message that fit, in order (CDG, then BER).
    const pattern = safePattern(schema.pattern);
    const fitting = pattern ? (context.hints?.words ?? []).filter((word) => pattern.test(word)) : [];
    const pick = fitting[Math.min(context.patternUse?.next() ?? 0, fitting.length - 1)];
    if (pick !== undefined) return pick;
  }
  const format = typeof schema.format === 'string' ? FORMAT_EXAMPLES[schema.format] : undefined;
  let text = format ?? freeText(context);
  if (format === undefined && context.variant > 0) text = `${text} ${context.variant + 1}`;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  if (text.length < minLength) text = text.padEnd(minLength, 'x');
  if (text.length > maxLength) text = text.slice(0, maxLength);
  return text;
}

function arrayInstance(schema: Schema, context: Context): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 1;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const count = Math.min(Math.max(minItems, prefix.length, 1), maxItems);
  const items: unknown[] = [];
  for (let index = 0; index < count; index += 1) {
    const itemSchema = prefix[index] ?? schema.items ?? {};
    const variant = schema.uniqueItems === true ? index : 0;
    items.push(instanceOf(itemSchema, { ...context, depth: context.depth + 1, variant }));
  }
  return items;
}

function objectInstance(schema: Schema, context: Context): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const names =
    context.depth < OPTIONAL_PROPERTIES_DEPTH
      ? [...new Set([...required, ...Object.keys(properties)])]
      : required;
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const propertySchema =
      properties[name] ?? (isSchema(schema.additionalProperties) ? schema.additionalProperties : {});
    result[name] = instanceOf(propertySchema, {
      ...context,
      depth: context.depth + 1,
      propertyName: name,
      variant: 0,
    });
  }
  return result;
}

/** Merges allOf parts (resolving $ref) so that properties and required lists add up. */
function mergeAllOf(parts: unknown[], rest: Schema, root: Schema): Schema {
  const merged: Schema = { ...rest };
  for (const part of parts) {
    if (!isSchema(part)) continue;
    const resolved = typeof part.$ref === 'string' ? { ...resolveRef(part.$ref, root), ...part } : part;
    const properties = {
      ...(merged.properties as Schema | undefined),
      ...(resolved.properties as Schema | undefined),
    };
    const required = [
      ...((merged.required as string[] | undefined) ?? []),
      ...((resolved.required as string[] | undefined) ?? []),
    ];
    Object.assign(merged, resolved, { properties, required });
    delete merged.$ref;
  }
  return merged;
}

function instanceOf(candidate: unknown, context: Context): unknown {
  if (candidate === true || candidate === undefined) return context.depth === 0 ? {} : 'sandbox';
  if (!isSchema(candidate) || context.depth > MAX_DEPTH) return null;
  let schema = candidate;
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    schema = { ...resolveRef($ref, context.root), ...rest };
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[context.variant % schema.enum.length];
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    schema = mergeAllOf(allOf, rest, context.root);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [keyword]: _branches, ...rest } = schema;
      const branch = branches.find((entry) => !(isSchema(entry) && entry.type === 'null')) ?? branches[0];
      return instanceOf(isSchema(branch) ? { ...rest, ...branch } : branch, context);
    }
  }
  switch (pickType(schema)) {
    case 'object':
      return objectInstance(schema, context);
    case 'array':
      return arrayInstance(schema, context);
    case 'string':
      return stringInstance(schema, context);
    case 'integer':
      return numberInstance(schema, true, context.variant);
    case 'number':
      return numberInstance(schema, false, context.variant);
    case 'boolean':
      return context.variant % 2 === 0;
    case 'null':
      return null;
    default:
      return context.depth === 0 ? {} : 'sandbox';
  }
}

/** A value that validates against `schema` (draft 2020-12 subset: types, $ref/$defs, enums, formats, bounds). */
export function generateInstance(schema: unknown, hints?: InstanceHints): unknown {
  const root = isSchema(schema) ? schema : {};
  let patternFields = 0;
  const patternUse = { next: () => patternFields++ };
  return instanceOf(schema, { root, hints, depth: 0, propertyName: undefined, variant: 0, patternUse });
}

function safePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}
