/**
 * @module `--json` on every command that has it: stdout holds exactly one JSON document that
 * validates against the schema shipped in schemas/, and the human text moved to stderr. One row per
 * command; a command that gains `--json` adds a row (and its schema).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { createAjv } from '../../src/suite/create-ajv.ts';
import { runCli } from './run-cli.ts';

const KEY = 'json-output-key-7Hq2Wd9z';
const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));

interface Context {
  /** A finished run folder (plain `run`). */
  runDir: string;
  /** A second run of the same target, stored in `db` by `monitor`. */
  monitoredDir: string;
  /** A copy of `runDir` whose results.jsonl line 2 says `"status": "pass"`. */
  brokenDir: string;
  db: string;
  /** A fresh folder per row that writes one. */
  freshDir: () => string;
  targetFlags: string[];
}

interface JsonCase {
  command: string;
  args: (context: Context) => string[];
  /** `schemas/<schema>.schema.json` */
  schema: string;
  exitCode: number;
  /** Human text that must now be on stderr. */
  stderr?: RegExp;
  /** What the document must say beyond its schema. */
  check?: (document: unknown, context: Context) => void;
}

type Json = Record<string, unknown>;

const CASES: JsonCase[] = [
  {
    command: 'run',
    args: (context) => ['run', ...context.targetFlags, '--out', context.freshDir(), '--json'],
    schema: 'run-output',
    exitCode: 0,
    stderr: /Security \d+\/100[\s\S]*reports in /,
    check: (document) => {
      const run = document as { exitCode: number; scorecard: Json; files: { scorecard: string } };
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(readFileSync(run.files.scorecard, 'utf8'))).toEqual(run.scorecard);
    },
  },
  {
    command: 'score',
    args: (context) => ['score', context.runDir, '--json'],
    schema: 'score-output',
    exitCode: 0,
    stderr: /scored \d+ results/,
    check: (document, context) => {
      const scored = document as { scorecard: Json };
      expect(scored.scorecard).toEqual(
        JSON.parse(readFileSync(join(context.runDir, 'scorecard.json'), 'utf8')),
      );
    },
  },
  {
    command: 'compare',
    args: (context) => ['compare', context.runDir, context.monitoredDir, '--json'],
    schema: 'compare-output',
    exitCode: 0,
    stderr: /Categories:/,
    check: (document) => expect((document as { categoryDeltas: unknown[] }).categoryDeltas).toHaveLength(4),
  },
  {
    command: 'history',
    args: (context) => ['history', '--name', 'json-output', '--db', context.db, '--json'],
    schema: 'history-output',
    exitCode: 0,
    check: (document) => expect((document as { runs: unknown[] }).runs).toHaveLength(1),
  },
  {
    command: 'validate (run folder)',
    args: (context) => ['validate', context.runDir, '--json'],
    schema: 'validate-output',
    exitCode: 0,
    stderr: /all files valid/,
    check: (document) => expect(document).toEqual({ valid: true, problems: [] }),
  },
  {
    command: 'validate (broken run folder)',
    args: (context) => ['validate', context.brokenDir, '--json'],
    schema: 'validate-output',
    exitCode: 2,
    stderr: /results\.jsonl:2:\d+ status: must be one of/,
    check: (document, context) =>
      expect(document).toEqual({
        valid: false,
        problems: [
          {
            file: join(context.brokenDir, 'results.jsonl'),
            line: 2,
            column: expect.any(Number),
            path: 'status',
            message: expect.stringMatching(
              /^must be one of "passed", "failed", "errored", "skipped"; got "pass"$/,
            ),
          },
        ],
      }),
  },
  {
    command: 'validate (suites)',
    args: () => ['validate', '--json'],
    schema: 'validate-output',
    exitCode: 0,
    check: (document) => expect((document as { valid: boolean }).valid).toBe(true),
  },
  {
    command: 'targets',
    args: () => ['targets', '--json'],
    schema: 'targets-output',
    exitCode: 0,
    check: (document) => expect((document as { id: string }[]).map((preset) => preset.id)).toContain('groq'),
  },
  {
    command: 'roadmap',
    args: (context) => ['roadmap', context.runDir, '--json'],
    schema: 'roadmap-output',
    exitCode: 0,
    check: (document) => expect((document as unknown[]).length).toBeGreaterThan(0),
  },
  {
    command: 'plan',
    args: (context) => ['plan', ...context.targetFlags, '--json'],
    schema: 'plan',
    exitCode: 0,
    check: (document) =>
      expect((document as { totals: { requests: number } }).totals.requests).toBeGreaterThan(0),
  },
  {
    command: 'board',
    args: (context) => [
      'board',
      context.runDir,
      context.monitoredDir,
      '--out',
      context.freshDir(),
      '--no-reports',
      '--json',
    ],
    schema: 'board',
    exitCode: 0,
    check: (document) => expect((document as { rows: unknown[] }).rows).toHaveLength(2),
  },
  {
    command: 'stale',
    args: (context) => ['stale', '--db', context.db, '--days', '30', '--json'],
    schema: 'stale',
    exitCode: 0,
  },
  // A command that fails still prints one document: the error, as stderr says it.
  {
    command: 'run (a mistyped flag)',
    args: (context) => ['run', ...context.targetFlags, '--concurency', '4', '--json'],
    schema: 'error-output',
    exitCode: 2,
    stderr: /unknown option --concurency: did you mean --concurrency\?/,
    check: (document) =>
      expect(document).toEqual({
        error: {
          code: 'E_USAGE',
          message:
            'unknown option --concurency: did you mean --concurrency? (agentscore run --help lists the options)',
          exitCode: 2,
        },
      }),
  },
  {
    command: 'score (no such run folder)',
    args: (context) => ['score', join(context.freshDir(), 'missing'), '--json'],
    schema: 'error-output',
    exitCode: 2,
    check: (document) =>
      expect((document as { error: Json }).error.message).toMatch(/missing does not exist$/),
  },
  {
    command: 'history (a file that is not SQLite)',
    args: (context) => [
      'history',
      '--name',
      'json-output',
      '--db',
      join(context.runDir, 'run.json'),
      '--json',
    ],
    schema: 'error-output',
    exitCode: 3,
    check: (document) => expect((document as { error: Json }).error.code).toBe('HISTORY_NOT_SQLITE'),
  },
];

function validatorFor(schema: string) {
  // Strict, as for our own suite schemas: a typo in a shipped schema's keyword fails here.
  const ajv = createAjv('2020-12', {
    strictSchema: true,
    strictNumbers: true,
    allErrors: true,
    allowUnionTypes: true,
  });
  for (const file of readdirSync(SCHEMAS).filter((name) => name.endsWith('.schema.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object);
  const validate = ajv.getSchema(`${schema}.schema.json`);
  if (!validate) throw new Error(`schemas/${schema}.schema.json is not shipped`);
  return validate;
}

let sandbox: RunningSandbox;
let context: Context;

beforeAll(async () => {
  sandbox = await startSandbox({ profile: 'fast', apiKeys: [KEY] });
  const root = mkdtempSync(join(tmpdir(), 'agentscore-json-'));
  let fresh = 0;
  context = {
    runDir: join(root, 'run'),
    monitoredDir: join(root, 'monitored'),
    brokenDir: join(root, 'broken'),
    db: join(root, 'history.db'),
    freshDir: () => join(root, `fresh-${++fresh}`),
    targetFlags: [
      '--provider',
      'openai-compatible',
      '--base-url',
      sandbox.apiBaseUrl,
      '--model',
      'mistral-small-latest',
      '--api-key-env',
      'JSON_OUTPUT_KEY',
      '--name',
      'json-output',
      '--suite',
      'auth,errors,data-handling',
    ],
  };
  const env = { JSON_OUTPUT_KEY: KEY };
  const run = await runCli(['run', ...context.targetFlags, '--out', context.runDir], env);
  expect(run.code, run.stderr).toBe(0);
  const monitor = await runCli(
    ['monitor', ...context.targetFlags, '--out', context.monitoredDir, '--db', context.db],
    env,
  );
  expect(monitor.code, monitor.stderr).toBe(0);
  cpSync(context.runDir, context.brokenDir, { recursive: true });
  const resultsFile = join(context.brokenDir, 'results.jsonl');
  const lines = readFileSync(resultsFile, 'utf8').split('\n');
  lines[1] = lines[1]!.replace(/"status":"\w+"/, '"status":"pass"');
  writeFileSync(resultsFile, lines.join('\n'));
}, 180_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('--json', () => {
  it.each(CASES)(
    '$command prints one document valid against its shipped schema ($schema)',
    async (row) => {
      const result = await runCli(row.args(context), { JSON_OUTPUT_KEY: KEY });
      expect(result.code, result.stderr).toBe(row.exitCode);
      // The whole of stdout is one JSON document: no human line before or after it.
      const document = JSON.parse(result.stdout) as unknown;
      const validate = validatorFor(row.schema);
      expect(validate(document) ? [] : validate.errors).toEqual([]);
      if (row.stderr) expect(result.stderr).toMatch(row.stderr);
      row.check?.(document, context);
      expect(result.stdout + result.stderr).not.toContain(KEY);
    },
    120_000,
  );

  it('the schemas reject a document that breaks them', () => {
    const validate = validatorFor('score-output');
    expect(validate({ runDir: 'x', results: 1, inputChange: null, files: {}, scorecard: {} })).toBe(false);
    const paths = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/files must have required property 'manifest'",
        "/scorecard must have required property 'scores'",
      ]),
    );
  });
});
