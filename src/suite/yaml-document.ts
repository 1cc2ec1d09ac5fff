/** @module YAML parsing that keeps positions, so schema errors can point back to a line and column. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostic.ts';
import { formatJsonPath } from './diagnostic.ts';

// yaml is CommonJS under Node: required on first use, so importing this module (as every command's
// option list does through the target resolver) costs no parser.
const require = createRequire(import.meta.url);
let yamlModule: typeof YamlModule | undefined;
function yamlLibrary(): typeof YamlModule {
  yamlModule ??= require('yaml') as typeof YamlModule;
  return yamlModule;
}

/** A parsed YAML file: its plain value plus what is needed to locate any node in it. */
export interface YamlDocument {
  file: string;
  document: Document;
  lineCounter: LineCounter;
  /** The document as plain JSON-like data. */
  value: unknown;
}

export interface Position {
  line: number;
  column: number;
}

/** Parses YAML text; syntax errors come back as diagnostics and no document. */
export function parseYaml(
  file: string,
  text: string,
): { document: YamlDocument; diagnostics: [] } | { document: null; diagnostics: Diagnostic[] } {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  // Only the first syntax error: the parser's later ones are mostly echoes of it.
  const [error] = document.errors;
  if (error) {
    // "Missing closing quote" and friends are reported at end of input; the last content line reads better.
    const offset = Math.min(error.pos[0], Math.max(text.trimEnd().length - 1, 0));
    const { line, col } = lineCounter.linePos(offset);
    return {
      document: null,
      diagnostics: [{ file, line, column: col, path: '', message: `YAML syntax error: ${error.message}` }],
    };
  }
  return { document: { file, document, lineCounter, value: document.toJS() }, diagnostics: [] };
}

/** Reads and parses a YAML file; an unreadable file is a diagnostic too. */
export async function readYamlFile(
  file: string,
): Promise<{ document: YamlDocument; diagnostics: [] } | { document: null; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      document: null,
      diagnostics: [{ file, line: 1, column: 1, path: '', message: `cannot read file: ${reason}` }],
    };
  }
  return parseYaml(file, text);
}

/** Splits an ajv `instancePath` (`/probes/3/expect/0`) into segments, unescaping `~1` and `~0`. */
export function splitJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * Line and column of the node at `jsonPath` (a JSON pointer or segments). For a map entry this is
 * the key, which is where a reader looks; a path that does not exist falls back to its nearest
 * existing parent.
 */
export function positionOf(yaml: YamlDocument, jsonPath: string | readonly PathSegment[]): Position {
  const { Alias, isMap, isSeq } = yamlLibrary();
  const segments = typeof jsonPath === 'string' ? splitJsonPointer(jsonPath) : jsonPath;
  let node: unknown = yaml.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of segments) {
    if (node instanceof Alias) node = node.resolve(yaml.document);
    if (isMap(node)) {
      const pair = findPair(yaml.document, node, String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

/** The entry for `key`, looking through `<<: *anchor` merge keys as YAML does. */
function findPair(document: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const { Alias, isMap, isScalar, isSeq } = yamlLibrary();
  let merged: Pair | undefined;
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof name !== 'symbol' && String(name) === key) return pair;
    // With `merge: true` the `<<` key's value is a symbol; its source text stays `<<`.
    const isMergeKey = isScalar(pair.key) && typeof name === 'symbol' && pair.key.source === '<<';
    if (isMergeKey && depth < 8 && !merged) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = source instanceof Alias ? source.resolve(document) : source;
        merged ??= isMap(target) ? findPair(document, target, key, depth + 1) : undefined;
      }
    }
  }
  return merged;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/** A diagnostic located at `segments` in `yaml`. */
export function diagnosticAt(
  yaml: YamlDocument,
  segments: readonly PathSegment[],
  message: string,
): Diagnostic {
  return { file: yaml.file, ...positionOf(yaml, segments), path: formatJsonPath(segments), message };
}
