import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../spec/probe-result.ts';
import { ResultsFileError, ResultsWriter, readResults } from './results-file.ts';
import { mergeResults } from './score-run.ts';

function result(probe: string, attempt = 1, repetition = 1): ProbeResult {
  return {
    schemaVersion: 1,
    runId: 'r',
    suite: 's',
    probe,
    kind: 'http',
    repetition,
    attempt,
    status: 'passed',
    reason: null,
    checks: [],
    timings: { startedAt: '2026-11-25T00:00:00.000Z', durationMs: 1 },
    measurements: {},
    evidence: [],
  };
}

describe('results.jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agentscore-results-'));

  it('appends scrubbed whole lines and reads them back', () => {
    const file = join(dir, 'a.jsonl');
    const writer = new ResultsWriter(file, (text) => text.replaceAll('secret-value', '[REDACTED]'));
    writer.append({ ...result('one'), reasonDetail: 'saw secret-value' });
    writer.append(result('two'));
    const read = readResults(file);
    expect(read.map((item) => item.probe)).toEqual(['one', 'two']);
    expect(read[0]?.reasonDetail).toBe('saw [REDACTED]');
  });

  it('ignores a torn last line but names file and line of a broken one in the middle', () => {
    const file = join(dir, 'b.jsonl');
    writeFileSync(file, `${JSON.stringify(result('one'))}\n{"schemaVersion":1,"tor`);
    expect(readResults(file)).toHaveLength(1);
    writeFileSync(file, `not json\n${JSON.stringify(result('one'))}\n`);
    expect(() => readResults(file)).toThrow(`${file}:1: not a JSON line`);
  });

  it('refuses another schema version with a clear message', () => {
    const file = join(dir, 'c.jsonl');
    appendFileSync(file, `${JSON.stringify({ ...result('one'), schemaVersion: 99 })}\n`);
    expect(() => readResults(file)).toThrow(ResultsFileError);
    expect(() => readResults(file)).toThrow(/schemaVersion 99 is not supported/);
  });

  it('merges shards and retries: the last attempt of each probe repetition wins', () => {
    const merged = mergeResults([
      [result('one', 1), result('two')],
      [result('one', 2), result('one', 1, 2)],
    ]);
    expect(merged.map((item) => `${item.probe}#${item.repetition}@${item.attempt}`)).toEqual([
      'one#1@2',
      'one#2@1',
      'two#1@1',
    ]);
  });
});
