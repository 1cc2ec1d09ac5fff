/** A probe-kind or assertion parameter with a typo fails `agentscore validate` with file:line and a suggestion. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const TOOL_CALLS = new URL('../../suites/tool-calls.yaml', import.meta.url);

/** suites/tool-calls.yaml with one line changed; returns the file and the 1-based line changed. */
function withTypo(find: RegExp, from: string, to: string): { file: string; line: number } {
  const lines = readFileSync(TOOL_CALLS, 'utf8').split('\n');
  const index = lines.findIndex((line) => find.test(line));
  expect(index).toBeGreaterThanOrEqual(0);
  lines[index] = lines[index]!.replace(from, to);
  const file = join(mkdtempSync(join(tmpdir(), 'agentscore-typo-')), 'tool-calls.yaml');
  writeFileSync(file, lines.join('\n'));
  return { file, line: index + 1 };
}

describe.concurrent('agentscore validate checks parameters by their schemas', () => {
  it('a kind parameter with a typo (`maxIteration`)', async () => {
    const { file, line } = withTypo(/^\s+maxIterations: 5$/, 'maxIterations', 'maxIteration');
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file}:${line}:7 probes[9].with.maxIteration: unknown agent-loop parameter "maxIteration", did you mean "maxIterations"?`,
    );
  });

  it('an assertion parameter with a typo (`minimum` for `min`)', async () => {
    const { file, line } = withTypo(/assert: parallel-calls, min: 2/, 'min: 2', 'minimum: 2');
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `${file.replaceAll('.', '\\.')}:${line}:\\d+ probes\\[7\\]\\.expect\\[2\\]\\.minimum: unknown parallel-calls parameter "minimum", did you mean "min"\\?`,
      ),
    );
  });

  it('a parameter of the wrong type, where Number() used to turn it into NaN', async () => {
    const { file, line } = withTypo(/^\s+maxIterations: 5$/, '5', 'five');
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${file}:${line}:7 probes[9].with.maxIterations: must be integer, got "five"`,
    );
  });
});
