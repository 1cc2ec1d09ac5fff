/** @module A response-shape fingerprint: sorted `path:type` strings, arrays collapsed to `[]`, for breaking-change diffs. */

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function walk(value: unknown, path: string, into: Set<string>): void {
  into.add(`${path || '$'}:${typeOf(value)}`);
  if (Array.isArray(value)) {
    for (const item of value) walk(item, `${path}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, into);
  }
}

/**
 * `{ id: 'x', choices: [{ index: 0 }] }` -> `['$:object', '.choices:array', '.choices[].index:number',
 * '.choices[]:object', '.id:string']` (plain code-unit sort). Values are ignored; every type seen at a path is listed.
 */
export function shapeFingerprint(body: unknown): string[] {
  const paths = new Set<string>();
  walk(body, '', paths);
  return [...paths].sort();
}
