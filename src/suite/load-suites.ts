/** @module Loads suite files: YAML -> schema -> checks against the probe/assertion registry -> SuiteSpec[]. */
import { stat } from 'node:fs/promises';
import type { SchemaObject } from 'ajv';
import type { SuiteSpec } from '../spec/suite.ts';
import { unknownNameMessage } from './closest-match.ts';
import type { ImpliedCheck } from './cross-check-catalogue.ts';
import { compareDiagnostics, type Diagnostic, type PathSegment } from './diagnostic.ts';
import { entriesOf, fieldOf } from './field-of.ts';
import { byPath, listYamlFiles } from './list-yaml-files.ts';
import { templateSyntaxError } from './render-template.ts';
import { validatePart, validateWithSchema } from './schema-validator.ts';
import { suiteSchema } from './suite-schema.ts';
import { ValidationError } from './validation-error.ts';
import { diagnosticAt, readYamlFile, type YamlDocument } from './yaml-document.ts';

export { loadConfig } from './load-config.ts';
export { loadRubric } from './load-rubric.ts';
export { loadTargetProfile } from './load-target-profile.ts';

/** What the harness knows how to run; names outside it are errors, never silently skipped. */
export interface SuiteRegistry {
  probeKinds: readonly string[];
  assertions: readonly string[];
  /** JSON Schema of each kind's `with`; when given, `with` is validated by it (absent `with` = `{}`). */
  kindParameters?: Readonly<Record<string, SchemaObject>>;
  /** JSON Schema of each assertion's parameters (expectation keys besides assert/check/feeds). */
  assertionParameters?: Readonly<Record<string, SchemaObject>>;
  /** For assertions that read a kind's observation: the kinds they can judge (others: any kind). */
  assertionReads?: Readonly<Record<string, readonly string[]>>;
  /** Checks the runner adds to results by itself (they count as emitted in the catalogue cross-check). */
  impliedChecks?: readonly ImpliedCheck[];
}

/**
 * Loads every suite in `dirOrFiles` (a directory, searched recursively, or a list of files), sorted
 * by file name, each with `file` set. Throws ValidationError with every diagnostic of every file.
 */
export async function loadSuites(
  dirOrFiles: string | readonly string[],
  registry: SuiteRegistry,
): Promise<SuiteSpec[]> {
  const files = typeof dirOrFiles === 'string' ? await filesOf(dirOrFiles) : [...dirOrFiles];
  if (files.length === 0) {
    const where = typeof dirOrFiles === 'string' ? dirOrFiles : '(no files given)';
    throw new ValidationError([
      { file: where, line: 1, column: 1, path: '', message: 'no suite files found' },
    ]);
  }
  const { suites, diagnostics } = await checkSuiteFiles(files, registry);
  if (diagnostics.length > 0) throw new ValidationError(diagnostics);
  return suites;
}

/** Like loadSuites but returns diagnostics instead of throwing; suites holds only the valid ones. */
export async function checkSuiteFiles(
  files: readonly string[],
  registry: SuiteRegistry,
): Promise<{ suites: SuiteSpec[]; diagnostics: Diagnostic[] }> {
  const suites: SuiteSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const suiteFileById = new Map<string, string>();
  for (const file of [...files].sort(byPath)) {
    const parsed = await readYamlFile(file);
    if (!parsed.document) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const yaml = parsed.document;
    const fileDiagnostics = [
      ...validateWithSchema(yaml, suiteSchema),
      ...checkSuiteSemantics(yaml, registry),
    ];
    const id = fieldOf(yaml.value, 'id');
    if (typeof id === 'string') {
      const earlier = suiteFileById.get(id);
      if (earlier)
        fileDiagnostics.push(diagnosticAt(yaml, ['id'], `duplicate suite id "${id}" (also in ${earlier})`));
      else suiteFileById.set(id, file);
    }
    diagnostics.push(...fileDiagnostics);
    if (fileDiagnostics.length === 0) suites.push({ ...(yaml.value as SuiteSpec), file });
  }
  return { suites, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/**
 * Checks a schema cannot express: probe kinds and assertions against the registry, unique probe
 * ids, body vs rawBody. Written defensively: it also runs on documents that failed the schema.
 */
export function checkSuiteSemantics(yaml: YamlDocument, registry: SuiteRegistry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const probes = fieldOf(yaml.value, 'probes');
  if (!Array.isArray(probes)) return diagnostics;
  const probeIndexById = new Map<string, number>();
  probes.forEach((probe: unknown, index) => {
    const id = fieldOf(probe, 'id');
    if (typeof id === 'string') {
      const earlier = probeIndexById.get(id);
      if (earlier === undefined) probeIndexById.set(id, index);
      else
        diagnostics.push(
          diagnosticAt(yaml, ['probes', index, 'id'], `duplicate probe id "${id}" (also probes[${earlier}])`),
        );
    }
    const kind = fieldOf(probe, 'kind');
    if (typeof kind === 'string' && !registry.probeKinds.includes(kind)) {
      diagnostics.push(
        diagnosticAt(
          yaml,
          ['probes', index, 'kind'],
          unknownNameMessage('probe kind', kind, registry.probeKinds),
        ),
      );
    }
    const kindParameters = typeof kind === 'string' ? registry.kindParameters?.[kind] : undefined;
    if (kindParameters) {
      const parameters = fieldOf(probe, 'with') ?? {};
      diagnostics.push(
        ...validatePart(yaml, ['probes', index, 'with'], parameters, kindParameters, `${kind} parameter`),
      );
    }
    const request = fieldOf(probe, 'request');
    if (fieldOf(request, 'body') !== undefined && fieldOf(request, 'rawBody') !== undefined) {
      diagnostics.push(
        diagnosticAt(
          yaml,
          ['probes', index, 'request', 'rawBody'],
          'use either "body" or "rawBody", not both',
        ),
      );
    }
    for (const key of ['request', 'with'] as const) {
      diagnostics.push(...templateSyntaxDiagnostics(yaml, ['probes', index, key], fieldOf(probe, key)));
    }
    const expectations = fieldOf(probe, 'expect');
    if (!Array.isArray(expectations)) return;
    expectations.forEach((expectation: unknown, expectationIndex) => {
      const assertion = fieldOf(expectation, 'assert');
      if (typeof assertion === 'string' && !registry.assertions.includes(assertion)) {
        diagnostics.push(
          diagnosticAt(
            yaml,
            ['probes', index, 'expect', expectationIndex, 'assert'],
            unknownNameMessage('assertion', assertion, registry.assertions),
          ),
        );
      }
      const reads = typeof assertion === 'string' ? registry.assertionReads?.[assertion] : undefined;
      if (reads && typeof kind === 'string' && !reads.includes(kind)) {
        diagnostics.push(
          diagnosticAt(
            yaml,
            ['probes', index, 'expect', expectationIndex, 'assert'],
            `assertion "${assertion}" judges only what ${reads.join(' or ')} probes observe; a ${kind} probe observes nothing it reads`,
          ),
        );
      }
      const schema = typeof assertion === 'string' ? registry.assertionParameters?.[assertion] : undefined;
      if (schema) {
        diagnostics.push(
          ...validatePart(
            yaml,
            ['probes', index, 'expect', expectationIndex],
            assertionParametersOf(expectation),
            schema,
            `${assertion} parameter`,
          ),
        );
      }
    });
  });
  return diagnostics;
}

/** An expectation's own keys are not parameters of its assertion. */
function assertionParametersOf(expectation: unknown): Record<string, unknown> {
  const {
    assert: _assert,
    check: _check,
    feeds: _feeds,
    ...parameters
  } = Object.fromEntries(entriesOf(expectation));
  return parameters;
}

/** Placeholder syntax errors (`{{model}`) are found at load time, not on the first request. */
function templateSyntaxDiagnostics(
  yaml: YamlDocument,
  segments: PathSegment[],
  value: unknown,
): Diagnostic[] {
  if (typeof value === 'string') {
    const error = templateSyntaxError(value);
    return error ? [diagnosticAt(yaml, segments, `invalid template: ${error}`)] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) =>
      templateSyntaxDiagnostics(yaml, [...segments, index], item),
    );
  }
  return entriesOf(value).flatMap(([key, item]) => templateSyntaxDiagnostics(yaml, [...segments, key], item));
}

async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? [path] : listYamlFiles(path);
}
