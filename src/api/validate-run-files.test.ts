import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fullScorecard, hostileScorecard, nullScorecard } from '../report/__fixtures__/scorecards.ts';
import { formatDiagnostic } from '../suite/diagnostic.ts';
import { runFileSchemaName, validateRunFile, validateRunFolder } from './validate-run-files.ts';

const DEMO_RESULTS = fileURLToPath(
  new URL('../scoring/__fixtures__/faithful-demo-results.jsonl', import.meta.url),
);

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'agentscore-run-files-'));
}

describe('validateRunFile', () => {
  it('accepts the recorded demo results, line by line', () => {
    expect(validateRunFile(DEMO_RESULTS)).toEqual([]);
  });

  it('names the line, column and field of a results.jsonl line that breaks the schema', () => {
    const lines = readFileSync(DEMO_RESULTS, 'utf8').trimEnd().split('\n');
    const broken = JSON.parse(lines[2]!) as Record<string, unknown>;
    broken.status = 'pass';
    lines[2] = JSON.stringify(broken);
    lines[5] = '{"schemaVersion": 1,';
    const file = join(folder(), 'results.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const found = validateRunFile(file).map(formatDiagnostic);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(
      new RegExp(
        `^${file}:3:\\d+ status: must be one of "passed", "failed", "errored", "skipped"; got "pass"$`,
      ),
    );
    expect(found[1]).toMatch(new RegExp(`^${file}:6:1 not valid JSON`));
  });

  it('accepts the report fixtures scorecards and locates a score out of range', () => {
    const dir = folder();
    for (const scorecard of [fullScorecard(), nullScorecard(), hostileScorecard()]) {
      writeFileSync(join(dir, 'scorecard.json'), JSON.stringify(scorecard, null, 2));
      expect(validateRunFile(join(dir, 'scorecard.json'))).toEqual([]);
    }
    const scorecard = fullScorecard();
    (scorecard.scores.security as { score: number }).score = 140;
    const text = JSON.stringify(scorecard, null, 2);
    writeFileSync(join(dir, 'scorecard.json'), text);
    const [problem, ...rest] = validateRunFile(join(dir, 'scorecard.json'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      path: 'scores.security.score',
      message: 'must be <= 100, got number 140',
    });
    const line = text.split('\n').findIndex((row) => row.includes('"score": 140')) + 1;
    expect(problem!.line).toBe(line);
  });

  it('picks the schema by file name', () => {
    expect(
      ['run.json', 'a/results.jsonl', 'shard-2.jsonl', 'scorecard.json', 'report.md'].map(runFileSchemaName),
    ).toEqual(['run', 'results', 'results', 'scorecard', undefined]);
  });
});

describe('validateRunFolder', () => {
  it('checks every run file present and asks for run.json', () => {
    const dir = folder();
    copyFileSync(DEMO_RESULTS, join(dir, 'results.jsonl'));
    writeFileSync(
      join(dir, 'history-evidence.json'),
      JSON.stringify({ schemaVersion: 1, evidence: [{ component: 'reliability.uptime' }] }),
    );
    const found = validateRunFolder(dir).map(
      (problem) => `${problem.file.slice(dir.length + 1)} ${problem.path}: ${problem.message}`,
    );
    expect(found[0]).toBe('run.json : missing: agentscore run writes it first, and score needs it');
    expect(found.slice(1).sort()).toEqual([
      expect.stringMatching(
        /^history-evidence\.json evidence\[0\]\.component: must be one of .*; got "reliability\.uptime"$/,
      ),
      'history-evidence.json evidence[0]: missing required field "check"',
      'history-evidence.json evidence[0]: missing required field "failed"',
      'history-evidence.json evidence[0]: missing required field "passed"',
      'history-evidence.json evidence[0]: missing required field "runs"',
    ]);
  });
});
