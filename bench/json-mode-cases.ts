/**
 * @module bench/json-mode-cases — the same N JSON-mode cases for agentscore (a suite folder) and for
 * promptfoo (a config file): one prompt asking for a JSON object under `response_format: json_object`,
 * sent N times, each answer checked to be valid JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CASE_MODEL = 'mistral-small-latest';
export const CASE_PROMPT = 'Return a JSON object describing Paris with keys name and country.';
export const CASE_SUITE_ID = 'bench-json-mode';

/** A probe repeats at most this often (suite schema); larger N is split over several probes. */
const MAX_REPEAT = 1000;

/** A suites folder holding one suite: the json-mode case `cases` times (one probe per 1,000). */
export function writeAgentscoreSuite(dir: string, cases: number): string {
  mkdirSync(dir, { recursive: true });
  const probes: string[] = [];
  for (let first = 0, index = 1; first < cases; first += MAX_REPEAT, index++) {
    probes.push(
      `  - id: json-object-${index}`,
      '    kind: json-mode',
      '    requires: [json-object]',
      `    repeat: ${Math.min(MAX_REPEAT, cases - first)}`,
      `    with: { mode: json_object, prompt: "${CASE_PROMPT}" }`,
      '    feeds: agentFriendliness.structuredOutput',
      '    expect:',
      '      - { assert: json-accepted }',
      '      - { assert: json-valid, check: json-mode-honoured, feeds: agentFriendliness.structuredOutput }',
    );
  }
  const suite = [
    `id: ${CASE_SUITE_ID}`,
    'title: Benchmark JSON-mode cases',
    'description: One JSON-mode case repeated, for the fixed-cost and peer benchmarks.',
    'probes:',
    ...probes,
    '',
  ].join('\n');
  writeFileSync(join(dir, `${CASE_SUITE_ID}.yaml`), suite);
  return dir;
}

/**
 * promptfoo's config for the same case: the openai chat provider pointed at the sandbox, JSON mode,
 * an `is-json` assertion; the run repeats it with `--repeat N`. The key comes from OPENAI_API_KEY.
 */
export function writePromptfooConfig(file: string, baseUrl: string): string {
  const config = {
    description: 'agentscore bench: JSON-mode cases',
    prompts: [CASE_PROMPT],
    providers: [
      {
        id: `openai:chat:${CASE_MODEL}`,
        config: { apiBaseUrl: baseUrl, response_format: { type: 'json_object' } },
      },
    ],
    tests: [{ assert: [{ type: 'is-json' }] }],
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
