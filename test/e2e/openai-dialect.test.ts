/**
 * Every suite against a server that speaks OpenAI's dialect (test/e2e/openai-dialect-server.ts):
 * nothing is failed for being OpenAI rather than Mistral (spec shapes, documented statuses, tool-call
 * id format, the dated snapshot answering for its alias), and streams carry usage because the run
 * asks for it, so inter-token latency, throughput and tokens are measured.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/spec/probe-result.ts';
import type { Scorecard } from '../../src/spec/scorecard.ts';
import { OPENAI_DIALECT_MODEL, startOpenAiDialectServer } from './openai-dialect-server.ts';
import { runCli } from './run-cli.ts';
import { findSecret } from './scan-secrets.ts';

const KEY = 'sk-dialect-Qw8Er4Ty6Ui2Op0As3Df5Gh';
/** Checks written for Mistral's spec: on this target they are not judged, or pass on its own terms. */
const DIALECT_CHECKS = [
  'spec-conformance',
  'response-shape-conformance',
  'error-status-documented',
  'tool-id-format',
  'requested-model-served',
];

let server: Awaited<ReturnType<typeof startOpenAiDialectServer>>;
let results: ProbeResult[];
let card: Scorecard;
let out: string;

beforeAll(async () => {
  server = await startOpenAiDialectServer(KEY);
  out = join(mkdtempSync(join(tmpdir(), 'agentscore-dialect-')), 'run');
  const run = await runCli(
    [
      'run',
      '--provider',
      'openai-compatible',
      '--base-url',
      server.baseUrl,
      '--model',
      OPENAI_DIALECT_MODEL,
      '--name',
      'openai-dialect',
      '--suite',
      'auth,errors,json-mode,tool-calls,latency,versions',
      '--out',
      out,
    ],
    { OPENAI_API_KEY: KEY },
  );
  expect(run.code, run.stderr).toBe(0);
  results = readFileSync(join(out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ProbeResult);
  card = JSON.parse(readFileSync(join(out, 'scorecard.json'), 'utf8')) as Scorecard;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('an OpenAI-dialect server', () => {
  it('fails no check for speaking OpenAI rather than Mistral', () => {
    const dialect = results.flatMap((result) =>
      result.checks
        .filter((check) => DIALECT_CHECKS.includes(check.id) && check.passed === false)
        .map((check) => `${result.probe}: ${check.id}: ${check.detail}`),
    );
    expect(dialect).toEqual([]);
    const served = results.flatMap((result) =>
      result.checks.filter((check) => check.id === 'requested-model-served'),
    );
    expect(served.length).toBeGreaterThan(0);
    expect(
      served.every(
        (check) => check.detail === `served ${OPENAI_DIALECT_MODEL}-2024-07-18 for ${OPENAI_DIALECT_MODEL}`,
      ),
    ).toBe(true);
    expect(results.filter((result) => result.status === 'errored')).toEqual([]);
  });

  it('asks for stream usage, so inter-token latency, throughput and tokens are measured', () => {
    const streams = server.requests.filter((request) => request.stream);
    expect(streams.length).toBeGreaterThan(12);
    expect(
      streams.every((request) => JSON.stringify(request.streamOptions) === '{"include_usage":true}'),
    ).toBe(true);
    expect(card.metrics.latency.interTokenMs.p50).not.toBeNull();
    expect(card.metrics.latency.outputTokensPerSecond.p50).not.toBeNull();
    const latency = results.filter((result) => result.suite === 'latency' && result.status === 'passed');
    expect(latency.every((result) => result.measurements.usage?.exchangesWithUsage === 1)).toBe(true);
    expect(findSecret(out, KEY)).toEqual([]);
  });

  it('still fails what it gets wrong, on its own terms', () => {
    // The server refuses unknown parameters, but accepts a tool message that answers no call.
    const byProbe = (probe: string) => results.find((result) => result.probe === probe);
    expect(byProbe('unknown-field')?.checks.find((check) => check.id === 'error-names-field')?.passed).toBe(
      true,
    );
    expect(
      byProbe('bad-tool-call-id')?.checks.find((check) => check.id === 'error-structured-envelope'),
    ).toMatchObject({
      passed: false,
      detail: 'the mistake was accepted (200): there is no error body to read',
    });
  });
});
