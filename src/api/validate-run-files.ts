/**
 * @module Checks the files of a run folder (run.json, results.jsonl, scorecard.json,
 * history-evidence.json) against the JSON Schemas shipped in `schemas/`, as file:line:column
 * diagnostics with the JSON path (results.jsonl lines are numbered as in the file).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SchemaObject } from 'ajv';
import type { Diagnostic } from '../suite/diagnostic.ts';
import { validateWithSchema } from '../suite/schema-validator.ts';
import { parseYaml } from '../suite/yaml-document.ts';
import { schemaPath } from './schemas-dir.ts';

/** The run files a folder may hold and the schema each is checked against. */
export const RUN_FILE_SCHEMAS: Readonly<Record<string, string>> = {
  'run.json': 'run',
  'results.jsonl': 'results',
  'scorecard.json': 'scorecard',
  'history-evidence.json': 'history-evidence',
};

/** A folder that holds a run (run.json, results.jsonl or scorecard.json). */
export function isRunFolder(path: string): boolean {
  return (
    existsSync(path) &&
    statSync(path).isDirectory() &&
    ['run.json', 'results.jsonl', 'scorecard.json'].some((file) => existsSync(join(path, file)))
  );
}

/** The schema a run file is checked against, by its name; undefined for any other file. */
export function runFileSchemaName(file: string): string | undefined {
  const name = basename(file);
  if (name.endsWith('.jsonl')) return 'results';
  return RUN_FILE_SCHEMAS[name];
}

const schemas = new Map<string, SchemaObject>();

function schemaNamed(name: string): SchemaObject {
  let schema = schemas.get(name);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as SchemaObject;
    schemas.set(name, schema);
  }
  return schema;
}

/** Diagnostics for one JSON document's text; `lineOffset` places a JSONL line in its file. */
function checkJsonText(file: string, text: string, schema: SchemaObject, lineOffset = 0): Diagnostic[] {
  try {
    JSON.parse(text);
  } catch (error) {
    return [
      {
        file,
        line: lineOffset + 1,
        column: 1,
        path: '',
        message: `not valid JSON: ${(error as Error).message}`,
      },
    ];
  }
  // JSON is YAML: the YAML parser keeps the positions that locate each schema error.
  const parsed = parseYaml(file, text);
  if (!parsed.document) return parsed.diagnostics;
  return validateWithSchema(parsed.document, schema).map((diagnostic) => ({
    ...diagnostic,
    line: diagnostic.line + lineOffset,
  }));
}

/** Checks one run file against its schema (chosen by `runFileSchemaName`). */
export function validateRunFile(file: string, schemaName = runFileSchemaName(file)): Diagnostic[] {
  if (!schemaName)
    return [
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'not a run file (run.json, results.jsonl, scorecard.json, history-evidence.json)',
      },
    ];
  if (!existsSync(file)) return [{ file, line: 1, column: 1, path: '', message: 'file not found' }];
  const schema = schemaNamed(schemaName);
  const text = readFileSync(file, 'utf8');
  if (schemaName !== 'results') return checkJsonText(file, text, schema);
  return text
    .split('\n')
    .flatMap((line, index) => (line.trim() === '' ? [] : checkJsonText(file, line, schema, index)));
}

/** Checks every run file present in a run folder; a folder without run.json says so. */
export function validateRunFolder(runDir: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // A run the preflight stopped has run.json and no results; without run.json nothing can be re-scored.
  if (!existsSync(join(runDir, 'run.json')))
    diagnostics.push({
      file: join(runDir, 'run.json'),
      line: 1,
      column: 1,
      path: '',
      message: 'missing: agentscore run writes it first, and score needs it',
    });
  for (const name of Object.keys(RUN_FILE_SCHEMAS)) {
    const file = join(runDir, name);
    if (existsSync(file)) diagnostics.push(...validateRunFile(file));
  }
  return diagnostics;
}
