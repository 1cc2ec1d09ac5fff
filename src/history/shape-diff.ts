/** @module Differences between the response-shape fingerprints of two runs (breaking-change evidence). */
import type { ProbeResult } from '../spec/probe-result.ts';

export interface ShapeDiff {
  /** `suite/probe field:type` entries only in the new run. */
  added: string[];
  /** `suite/probe field:type` entries only in the base run. */
  removed: string[];
  /** `suite/probe field: oldType → newType` for fields present in both with another type. */
  changedType: string[];
}

/** Fingerprint entries are `path:type`; the type is after the last colon (absent → empty). */
function splitEntry(entry: string): { path: string; type: string } {
  const colon = entry.lastIndexOf(':');
  return colon < 0
    ? { path: entry, type: '' }
    : { path: entry.slice(0, colon), type: entry.slice(colon + 1) };
}

/** probe key → field path → set of types seen across the run's results. */
function fingerprintIndex(results: readonly ProbeResult[]): Map<string, Map<string, Set<string>>> {
  const index = new Map<string, Map<string, Set<string>>>();
  for (const result of results) {
    const fingerprint = result.measurements.shapeFingerprint;
    if (!fingerprint) continue;
    const probeKey = `${result.suite}/${result.probe}`;
    const fields = index.get(probeKey) ?? new Map<string, Set<string>>();
    index.set(probeKey, fields);
    for (const entry of fingerprint) {
      const { path, type } = splitEntry(entry);
      const types = fields.get(path) ?? new Set<string>();
      types.add(type);
      fields.set(path, types);
    }
  }
  return index;
}

const joinTypes = (types: Set<string>) => [...types].sort().join('|');
const entry = (probeKey: string, path: string, types: Set<string>) =>
  `${probeKey} ${path}${joinTypes(types) ? `:${joinTypes(types)}` : ''}`;

/** Only probes fingerprinted in both runs are compared, so a skipped probe is not a removal. */
export function shapeDiff(base: readonly ProbeResult[], next: readonly ProbeResult[]): ShapeDiff {
  const before = fingerprintIndex(base);
  const after = fingerprintIndex(next);
  const diff: ShapeDiff = { added: [], removed: [], changedType: [] };
  for (const [probeKey, newFields] of after) {
    const oldFields = before.get(probeKey);
    if (!oldFields) continue;
    for (const [path, types] of newFields) {
      const oldTypes = oldFields.get(path);
      if (!oldTypes) diff.added.push(entry(probeKey, path, types));
      else if (joinTypes(oldTypes) !== joinTypes(types)) {
        diff.changedType.push(`${probeKey} ${path}: ${joinTypes(oldTypes)} → ${joinTypes(types)}`);
      }
    }
    for (const [path, types] of oldFields) {
      if (!newFields.has(path)) diff.removed.push(entry(probeKey, path, types));
    }
  }
  for (const list of Object.values(diff)) list.sort();
  return diff;
}
