/**
 * @module bench/run — `npm run bench`: every benchmark in turn, one `name: value` line per figure on
 * stdout, the same figures and the machine in bench/results.json. Loopback only; each load stops by itself.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureBoardScale } from './board-scale.ts';
import { measureColdStart } from './cold-start.ts';
import { measureExactness } from './exactness.ts';
import { measureHistoryTrend } from './history-trend.ts';
import { describeMachine } from './machine.ts';
import { measureReportScale } from './report-scale.ts';
import { measureThroughput } from './throughput.ts';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const figures: Record<string, number | string> = {};

function report(measured: object): void {
  for (const [name, value] of Object.entries(measured)) {
    figures[name] = value as number | string;
    process.stdout.write(`${name}: ${value}\n`);
  }
}

function promptfooAvailable(): boolean {
  try {
    execFileSync('promptfoo', ['--version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

const began = performance.now();
const machine = describeMachine();
process.stderr.write(
  `agentscore bench on ${machine.nproc} CPUs, node ${machine.node}, load ${machine.loadAverage1m}\n`,
);

process.stderr.write('throughput: autocannon vs harness on the fast sandbox...\n');
report(await measureThroughput({ concurrency: 16, autocannonSeconds: 8, probes: 4000, rounds: 2 }));
process.stderr.write('exactness: latency suite against known delays...\n');
report(await measureExactness({ ttftMs: 200, interTokenMs: 20, samples: 30, concurrency: 4 }));
process.stderr.write('scale: 100,000 results through scoring and reports...\n');
report(await measureReportScale(100_000));
process.stderr.write('history: 365 runs x 20 targets, trend query + chart...\n');
report(await measureHistoryTrend({ targets: 20, runsPerTarget: 365, repetitions: 5 }));
process.stderr.write('board: 200 synthetic targets to board.md, board.html and board.json...\n');
report(await measureBoardScale(200));
process.stderr.write('cold start: agentscore --help...\n');
report(measureColdStart(5));
report({
  promptfoo_comparison: promptfooAvailable()
    ? 'skipped (promptfoo is installed, but the side-by-side run is not implemented yet)'
    : 'skipped (promptfoo not installed)',
});

const seconds = Math.round((performance.now() - began) / 100) / 10;
writeFileSync(RESULTS_FILE, `${JSON.stringify({ figures, machine, benchSeconds: seconds }, null, 2)}\n`);
process.stderr.write(`done in ${seconds} s; figures in ${RESULTS_FILE}\n`);
