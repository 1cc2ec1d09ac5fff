/**
 * @module Built-in data files (presets, the default rubric) checked once at build time: `bin/build.js`
 * runs the real loaders over them and records each clean file's SHA-256 and parsed value in
 * `dist/validated-files.json`. A loader asks here first; when the file on disk still has the recorded
 * hash it gets the value without parsing YAML or compiling a schema (~100 ms of every run). Any edit
 * changes the hash and the file takes the full path again, diagnostics and all. Running from `src/`
 * there is no record and nothing changes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One clean file as the build recorded it: the hash of its bytes and its value as JSON text. */
export interface ValidatedFile {
  sha256: string;
  json: string;
}

export const VALIDATED_FILES_NAME = 'validated-files.json';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORD = fileURLToPath(new URL(`../${VALIDATED_FILES_NAME}`, import.meta.url));
let record: Readonly<Record<string, ValidatedFile>> | undefined;

function loadRecord(): Readonly<Record<string, ValidatedFile>> {
  if (record) return record;
  try {
    record = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, ValidatedFile>;
  } catch {
    record = {};
  }
  return record;
}

/** The key of `file` in the record: its path from the package root, with forward slashes. */
export function recordKey(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The value the loader would return for `file` when the build checked this exact content clean; a
 * fresh copy each call (callers may keep or change it). Undefined for any other file or content.
 */
export async function validatedAtBuild(
  file: string,
  record: Readonly<Record<string, ValidatedFile>> = loadRecord(),
): Promise<unknown> {
  const known = record[recordKey(file)];
  if (!known) return undefined;
  let text: string;
  try {
    // Synchronous on purpose: a few small files, and each async read is a thread-pool round trip
    // (an ad-hoc target reads all 14 presets before its first request).
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return sha256(text) === known.sha256 ? JSON.parse(known.json) : undefined;
}
