/** @module Tests for load-suites.ts. */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostic.ts';
import { loadSuites } from './load-suites.ts';
import { writeTempFiles, yaml } from './temp-files.ts';
import { ValidationError } from './validation-error.ts';

const registry = { probeKinds: ['http', 'chat-stream'], assertions: ['status', 'json-body', 'header'] };

async function failureOf(files: Record<string, string>): Promise<{ root: string; messages: string[] }> {
  const root = await writeTempFiles(files);
  const error = await loadSuites(join(root, 'suites'), registry).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const validationError = error as ValidationError;
  expect(validationError.code).toBe('E_VALIDATION');
  return { root, messages: validationError.diagnostics.map(formatDiagnostic) };
}

const header = 'id: auth\ntitle: Auth\ndescription: d\n';

describe('loadSuites', () => {
  it('loads valid suites sorted by file name, with file set', async () => {
    const root = await writeTempFiles({
      'suites/b.yaml': 'id: b\ntitle: B\ndescription: d\nprobes: [{ id: p, kind: http }]\n',
    });
    await copyFile(new URL('./__fixtures__/valid-suite.yaml', import.meta.url), join(root, 'suites/a.yaml'));
    const suites = await loadSuites(join(root, 'suites'), registry);
    expect(suites.map((suite) => suite.id)).toEqual(['auth', 'b']);
    expect(suites[0]?.file).toBe(join(root, 'suites/a.yaml'));
    expect(suites[0]?.probes[0]?.request?.auth).toEqual({ mode: 'none' });
    expect(suites[0]?.probes[1]?.expect?.[0]).toEqual({ assert: 'json-body', feeds: null });
  });

  it('reports a YAML syntax error with its line', async () => {
    const { root, messages } = await failureOf({
      'suites/bad.yaml': `${header}probes:\n  - id: x\n    kind: [http\n`,
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      new RegExp(`^${escapeRegExp(join(root, 'suites/bad.yaml'))}:\\d+:\\d+ YAML syntax error`),
    );
  });

  it('names an unknown top-level key at its line', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': `${header}probes: [{ id: p, kind: http }]\nprobez: []\n`,
    });
    expect(messages).toEqual([
      `${join(root, 'suites/a.yaml')}:5:1 probez: unknown field "probez", did you mean "probes"? (known: id, title, description, probes)`,
    ]);
  });

  it('points at a misspelt field deep in a probe', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': yaml`
        id: auth
        title: Auth
        description: d
        probes:
          - id: first
            kind: http
          - id: second
            kind: http
            request:
              path: /v1/models
              auth:
                mode: header
                name: X-Key
                valeu: "{{key}}"
      `,
    });
    const file = join(root, 'suites/a.yaml');
    expect(messages).toContain(
      `${file}:14:9 probes[1].request.auth.valeu: unknown field "valeu", did you mean "value"? (known: mode, name, value)`,
    );
    expect(messages).toContain(`${file}:11:7 probes[1].request.auth: missing required field "value"`);
  });

  it('reports a wrong type with what was found', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': `${header}probes:\n  - id: p\n    kind: http\n    repeat: lots\n`,
    });
    expect(messages).toEqual([
      `${join(root, 'suites/a.yaml')}:7:5 probes[0].repeat: must be integer, got "lots"`,
    ]);
  });

  it('keeps repeat within 1..1000', async () => {
    const { messages } = await failureOf({
      'suites/a.yaml': `${header}probes:\n  - { id: p, kind: http, repeat: 0 }\n  - { id: q, kind: http, repeat: 1001 }\n`,
    });
    expect(messages[0]).toMatch(/a\.yaml:5:\d+ probes\[0\]\.repeat: must be >= 1/);
    expect(messages[1]).toMatch(/a\.yaml:6:\d+ probes\[1\]\.repeat: must be <= 1000/);
  });

  it('rejects an unknown probe kind, naming the known ones', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': `${header}probes:\n  - id: p\n    kind: chat-strem\n`,
    });
    expect(messages).toEqual([
      `${join(root, 'suites/a.yaml')}:6:5 probes[0].kind: unknown probe kind "chat-strem", did you mean "chat-stream"? (known: http, chat-stream)`,
    ]);
  });

  it('rejects an unknown assertion, naming the known ones', async () => {
    const { root, messages } = await failureOf({
      'suites/auth.yaml': yaml`
        id: auth
        title: Auth
        description: d
        probes:
          - id: p
            kind: http
            expect:
              - assert: status
              - assert: statuss
                in: [401]
      `,
    });
    expect(messages).toEqual([
      `${join(root, 'suites/auth.yaml')}:9:9 probes[0].expect[1].assert: unknown assertion "statuss", did you mean "status"? (known: status, json-body, header)`,
    ]);
  });

  it('catches duplicate probe ids within a suite and suite ids across files', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': `${header}probes:\n  - { id: p, kind: http }\n  - { id: p, kind: http }\n`,
      'suites/b.yaml': `${header}probes:\n  - { id: q, kind: http }\n`,
    });
    expect(messages).toEqual([
      `${join(root, 'suites/a.yaml')}:6:7 probes[1].id: duplicate probe id "p" (also probes[0])`,
      `${join(root, 'suites/b.yaml')}:1:1 id: duplicate suite id "auth" (also in ${join(root, 'suites/a.yaml')})`,
    ]);
  });

  it('requires feeds to be a component path or null', async () => {
    const { root, messages } = await failureOf({
      'suites/a.yaml': yaml`
        id: auth
        title: Auth
        description: d
        probes:
          - id: p
            kind: http
            feeds: security.authStrenght
            expect:
              - { assert: status, feeds: 7 }
      `,
    });
    const file = join(root, 'suites/a.yaml');
    expect(messages[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(file)}:7:5 probes\\[0\\]\\.feeds: must be one of .*"security\\.authStrength"`,
      ),
    );
    expect(messages[1]).toBe(`${file}:9:27 probes[0].expect[0].feeds: must be string or null, got number 7`);
  });

  it('reports template syntax errors at load time', async () => {
    const { messages } = await failureOf({
      'suites/a.yaml': `${header}probes:\n  - id: p\n    kind: http\n    request: { path: "/v1/{{model}" }\n`,
    });
    expect(messages[0]).toMatch(/a\.yaml:7:16 probes\[0\]\.request\.path: invalid template: Parse error/);
  });

  it('collects the diagnostics of all files before throwing', async () => {
    const { messages } = await failureOf({
      'suites/a.yaml': `${header}probes: [{ id: p, kind: nope }]\n`,
      'suites/b.yaml': 'id: b\ntitle: B\n',
    });
    expect(messages).toHaveLength(3);
    expect(messages[1]).toMatch(/b\.yaml:1:1 missing required field "description"/);
  });

  it('refuses an empty suite directory', async () => {
    const root = await writeTempFiles({});
    await expect(loadSuites(join(root, 'suites'), registry)).rejects.toThrow(/no suite files found/);
  });
  it('validates `with` and assertion parameters by the registry schemas, and what an assertion can read', async () => {
    const typed = {
      probeKinds: ['http', 'agent-loop'],
      assertions: ['status', 'loop-terminates'],
      kindParameters: {
        http: { type: 'object', properties: { times: { type: 'integer' } }, additionalProperties: false },
        'agent-loop': {
          type: 'object',
          properties: { maxIterations: { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
      },
      assertionParameters: {
        status: { type: 'object', properties: { equals: { type: 'integer' } }, additionalProperties: false },
        'loop-terminates': { type: 'object', properties: {}, additionalProperties: false },
      },
      assertionReads: { 'loop-terminates': ['agent-loop'] },
    };
    const root = await writeTempFiles({
      'suites/a.yaml': `${header}probes:
  - id: loop
    kind: agent-loop
    with: { maxIterations: 0 }
    expect: [{ assert: loop-terminates }]
  - id: plain
    kind: http
    with: { time: 3 }
    expect:
      - { assert: status, equal: 200 }
      - { assert: loop-terminates }
`,
    });
    const error = await loadSuites(join(root, 'suites'), typed).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    const file = join(root, 'suites/a.yaml');
    expect((error as ValidationError).diagnostics.map(formatDiagnostic)).toEqual([
      `${file}:7:13 probes[0].with.maxIterations: must be >= 1, got number 0`,
      `${file}:11:13 probes[1].with.time: unknown http parameter "time", did you mean "times"? (known: times)`,
      `${file}:13:27 probes[1].expect[0].equal: unknown status parameter "equal", did you mean "equals"? (known: equals)`,
      `${file}:14:11 probes[1].expect[1].assert: assertion "loop-terminates" judges only what agent-loop probes observe; a http probe observes nothing it reads`,
    ]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
