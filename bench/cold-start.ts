/** @module bench/cold-start — wall time of `agentscore --help` in a fresh process (median of N spawns). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './percentile.ts';

export interface ColdStartFigures {
  cold_start_ms: number;
}

const BIN = fileURLToPath(new URL('../bin/agentscore.js', import.meta.url));

export function measureColdStart(spawns = 5): ColdStartFigures {
  const spawnOnce = (): number => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  spawnOnce(); // fills the OS file cache; not counted
  const times = Array.from({ length: spawns }, spawnOnce);
  return { cold_start_ms: Math.round(median(times)) };
}
