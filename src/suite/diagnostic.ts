/** @module Diagnostics: one problem in one file, located by line, column and JSON path. */
export { ValidationError } from './validation-error.ts';

/** One problem found while loading or validating a file. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** JSON path of the offending value, e.g. `probes[3].expect[0].assert`; empty for the whole file. */
  path: string;
  message: string;
}

/** `suites/auth.yaml:12:7 probes[3].expect[0].assert: unknown assertion "statuss" (known: ...)` */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
  return diagnostic.path
    ? `${location} ${diagnostic.path}: ${diagnostic.message}`
    : `${location} ${diagnostic.message}`;
}

/** Orders by file, then line, then column, so output reads top to bottom. */
export function compareDiagnostics(left: Diagnostic, right: Diagnostic): number {
  if (left.file !== right.file) return left.file < right.file ? -1 : 1;
  return left.line - right.line || left.column - right.column;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['probes', 3, 'expect', 0, 'assert']` -> `probes[3].expect[0].assert`; odd keys are quoted. */
export function formatJsonPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
