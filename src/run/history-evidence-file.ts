/**
 * @module history-evidence.json: tallies carried over from stored runs (uptime over a window), kept
 * in the run directory so `agentscore score` reproduces a monitored run's scorecard offline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvidence } from '../spec/probe-result.ts';

const FILE = 'history-evidence.json';
const VERSION = 1;

export function writeHistoryEvidence(runDir: string, evidence: HistoryEvidence[]): void {
  writeFileSync(join(runDir, FILE), `${JSON.stringify({ schemaVersion: VERSION, evidence }, null, 2)}\n`);
}

export function readHistoryEvidence(runDir: string): HistoryEvidence[] {
  const file = join(runDir, FILE);
  if (!existsSync(file)) return [];
  const value = JSON.parse(readFileSync(file, 'utf8')) as {
    schemaVersion: number;
    evidence: HistoryEvidence[];
  };
  if (value.schemaVersion !== VERSION)
    throw new Error(`${file}: schemaVersion ${value.schemaVersion} is not supported`);
  return value.evidence;
}
