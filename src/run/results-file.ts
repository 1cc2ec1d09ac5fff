/** @module results.jsonl: one scrubbed, schema-versioned ProbeResult a line, appended as probes end. */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { type ProbeResult, RESULT_SCHEMA_VERSION } from '../spec/probe-result.ts';

export class ResultsFileError extends Error {
  readonly code = 'E_RESULTS_FILE';
  override readonly name = 'ResultsFileError';
}

export class ResultsWriter {
  private descriptor: number | null = null;
  private closed = false;

  constructor(
    readonly file: string,
    private readonly scrub: (text: string) => string,
  ) {}

  /**
   * One synchronous write of one whole line: an interrupt leaves only whole lines behind. The file
   * stays open between lines (an open and close per probe was ~15 % of a fast run's CPU); after
   * close() a late line is still appended, by opening the file for it alone.
   */
  append(result: ProbeResult): void {
    const line = Buffer.from(`${this.scrub(JSON.stringify(result))}\n`);
    if (this.closed) {
      appendFileSync(this.file, line);
      return;
    }
    this.descriptor ??= openSync(this.file, 'a');
    let written = 0;
    while (written < line.length) written += writeSync(this.descriptor, line, written);
  }

  close(): void {
    this.closed = true;
    if (this.descriptor !== null) closeSync(this.descriptor);
    this.descriptor = null;
  }
}

/** Reads results, naming file and line on anything malformed; a torn last line is ignored. */
export function readResults(file: string): ProbeResult[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const results: ProbeResult[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (index === lines.length - 1) break;
      throw new ResultsFileError(`${file}:${index + 1}: not a JSON line`);
    }
    const version = (value as { schemaVersion?: unknown }).schemaVersion;
    if (version !== RESULT_SCHEMA_VERSION) {
      throw new ResultsFileError(
        `${file}:${index + 1}: results schemaVersion ${String(version)} is not supported (this agentscore reads ${RESULT_SCHEMA_VERSION}); re-run or use a matching agentscore version`,
      );
    }
    results.push(value as ProbeResult);
  }
  return results;
}
