/**
 * @module history-evidence.json: tallies carried over from stored runs (uptime over a window), kept
 * in the run directory so `agentscore score` reproduces a monitored run's scorecard offline.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvidence } from '../spec/probe-result.ts';
import { readVersionedJson } from './results-file.ts';

export const HISTORY_EVIDENCE_FILE = 'history-evidence.json';
const VERSION = 1;

export function writeHistoryEvidence(runDir: string, evidence: HistoryEvidence[]): void {
  writeFileSync(
    join(runDir, HISTORY_EVIDENCE_FILE),
    `${JSON.stringify({ schemaVersion: VERSION, evidence }, null, 2)}\n`,
  );
}

export function readHistoryEvidence(runDir: string): HistoryEvidence[] {
  const file = join(runDir, HISTORY_EVIDENCE_FILE);
  if (!existsSync(file)) return [];
  const value = readVersionedJson(file, 'history evidence', VERSION);
  return Array.isArray(value.evidence) ? (value.evidence as HistoryEvidence[]) : [];
}
