/** @module Tests for yaml-document.ts. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatJsonPath } from './diagnostic.ts';
import { yaml } from './temp-files.ts';
import { parseYaml, positionOf, splitJsonPointer } from './yaml-document.ts';

const text = yaml`
  id: auth
  probes:
    - id: a
      kind: http
    - id: b
      expect:
        - assert: status
          "a/b": 1
`;

function documentOf(source: string) {
  const { document } = parseYaml('suites/auth.yaml', source);
  if (!document) throw new Error('expected a document');
  return document;
}

describe('positionOf', () => {
  it('maps an ajv instancePath to the key of that field', () => {
    expect(positionOf(documentOf(text), '/probes/1/expect/0/assert')).toEqual({ line: 7, column: 9 });
    expect(positionOf(documentOf(text), '/probes/1/expect/0/a~1b')).toEqual({ line: 8, column: 9 });
  });

  it('points at the item of a sequence', () => {
    expect(positionOf(documentOf(text), '/probes/1')).toEqual({ line: 5, column: 5 });
  });

  it('falls back to the nearest existing parent', () => {
    expect(positionOf(documentOf(text), '/probes/0/request/path')).toEqual({ line: 3, column: 5 });
    expect(positionOf(documentOf(text), '/probes/9')).toEqual({ line: 2, column: 1 });
    expect(positionOf(documentOf(text), '')).toEqual({ line: 1, column: 1 });
  });
});

describe('parseYaml', () => {
  it('turns a syntax error into one diagnostic with its line', () => {
    const { document, diagnostics } = parseYaml('suites/auth.yaml', 'id: a\nprobes:\n  - id: "open\n');
    expect(document).toBeNull();
    expect(diagnostics).toHaveLength(1);
    expect(formatDiagnostic(diagnostics[0]!)).toMatch(/^suites\/auth\.yaml:3:\d+ YAML syntax error: /);
  });

  it('rejects duplicate keys', () => {
    const { diagnostics } = parseYaml('a.yaml', 'id: a\nid: b\n');
    expect(formatDiagnostic(diagnostics[0]!)).toMatch(
      /^a\.yaml:2:1 YAML syntax error: Map keys must be unique/,
    );
  });
});

describe('formatting', () => {
  it('formats the documented shape', () => {
    expect(
      formatDiagnostic({
        file: 'suites/auth.yaml',
        line: 12,
        column: 7,
        path: 'probes[3].expect[0].assert',
        message: 'x',
      }),
    ).toBe('suites/auth.yaml:12:7 probes[3].expect[0].assert: x');
    expect(formatDiagnostic({ file: 'a.yaml', line: 1, column: 1, path: '', message: 'x' })).toBe(
      'a.yaml:1:1 x',
    );
  });

  it('quotes keys that are not plain names', () => {
    expect(formatJsonPath(['components', 'security.authStrength', 'checks', 'tls-1', 'points'])).toBe(
      'components["security.authStrength"].checks.tls-1.points',
    );
    expect(splitJsonPointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
  });
});

describe('merge keys', () => {
  it('merges `<<: *anchor` and locates merged fields at their anchor', () => {
    const source =
      'base: &base\n  path: /v1/x\n  method: POST\nprobe:\n  request: { <<: *base, method: GET }\n';
    const document = documentOf(source);
    expect(document.value).toEqual({
      base: { path: '/v1/x', method: 'POST' },
      probe: { request: { path: '/v1/x', method: 'GET' } },
    });
    expect(positionOf(document, '/probe/request/path')).toEqual({ line: 2, column: 3 });
    expect(positionOf(document, '/probe/request/method')).toEqual({ line: 5, column: 25 });
  });
});
