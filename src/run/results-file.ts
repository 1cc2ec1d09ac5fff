/** @module results.jsonl: one scrubbed, schema-versioned ProbeResult a line, appended as probes end. */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { type ProbeResult, RESULT_SCHEMA_VERSION } from '../spec/probe-result.ts';

/** A run file (any of them, not only results.jsonl) that this agentscore cannot read: exit 2, file named. */
export class ResultsFileError extends Error {
  readonly code = 'E_RESULTS_FILE';
  override readonly name = 'ResultsFileError';
}

/**
 * The one wording for a run file of another schema version: says which side is out of date, so the
 * user knows whether to upgrade agentscore or re-run.
 */
export function unsupportedVersionError(
  location: string,
  what: string,
  found: unknown,
  supported: number,
  field = 'schemaVersion',
): ResultsFileError {
  const advice =
    typeof found !== 'number'
      ? `the file has no numeric ${field}: was it written by agentscore?`
      : found > supported
        ? 'it was written by a newer agentscore: upgrade agentscore to read it'
        : 'it was written by an older agentscore: re-run, or use a matching agentscore version';
  return new ResultsFileError(
    `${location}: ${what} ${field} ${String(found)} is not supported (this agentscore reads ${supported}; ${advice})`,
  );
}

/** A whole-file JSON run file, parsed and version-checked; malformed JSON names the file too. */
export function readVersionedJson(file: string, what: string, supported: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ResultsFileError(
      `${file}: not a readable ${what} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ResultsFileError(`${file}: not a ${what} (expected a JSON object)`);
  const record = value as Record<string, unknown>;
  if (record.schemaVersion !== supported)
    throw unsupportedVersionError(file, what, record.schemaVersion, supported);
  return record;
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
    if (version !== RESULT_SCHEMA_VERSION)
      throw unsupportedVersionError(`${file}:${index + 1}`, 'results', version, RESULT_SCHEMA_VERSION);
    results.push(value as ProbeResult);
  }
  return results;
}
