/**
 * @module bench/run — `npm run bench`: every benchmark in turn, one `name: value` line per figure on
 * stdout, the same figures and the machine in bench/results.json. Loopback only; each load stops by itself.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureBoardScale } from './board-scale.ts';
import { measureColdStart } from './cold-start.ts';
import { ensureBuilt } from './ensure-built.ts';
import { measureExactness } from './exactness.ts';
import { measureFixedCost } from './fixed-cost.ts';
import { measureHistoryTrend } from './history-trend.ts';
import { describeMachine } from './machine.ts';
import { measurePeer, PROMPTFOO_VERSION } from './peer-promptfoo.ts';
import { round } from './percentile.ts';
import { measureReportScale } from './report-scale.ts';
import { measureThroughput } from './throughput.ts';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const figures: Record<string, number | string> = {};

/** The goal each figure is held to, printed beside it (`name: value (goal ...)`). */
const GOALS: Record<string, string> = {
  harness_vs_autocannon: '>= 0.8',
  ttft_error_ms_median: '<= 2',
  inter_token_error_ms_median: '<= 2',
  e2e_error_ms_median: '<= 2',
  report_100k_seconds: '<= 5',
  report_100k_peak_mb: '<= 300',
  history_trend_seconds: '<= 1',
  cold_start_ms: '<= 300',
  help_ms: '<= 80',
  one_case_run_ms: '<= 150',
  score_ms: '<= 120',
};

function report(measured: object): void {
  for (const [name, value] of Object.entries(measured)) {
    figures[name] = value as number | string;
    const goal = GOALS[name] ?? (name.startsWith('peer_ratio_') ? peerGoal(name) : undefined);
    process.stdout.write(`${name}: ${value}${goal ? ` (goal ${goal})` : ''}\n`);
  }
}

/** >= 10x at every size from 200 cases up; the one-case ratio is shown without a goal. */
function peerGoal(name: string): string | undefined {
  return Number(name.slice('peer_ratio_'.length)) >= 200 ? '>= 10' : undefined;
}

ensureBuilt();
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
process.stderr.write('fixed cost: --help, a one-case run, score (fastest of 15 spawns each)...\n');
report(await measureFixedCost(15));
// N = 10,000 takes promptfoo about 40 s; `npm run bench -- --skip-10k` leaves it out.
const peerSizes = process.argv.includes('--skip-10k') ? [1, 200, 2000] : [1, 200, 2000, 10_000];
process.stderr.write(
  `peer: promptfoo ${PROMPTFOO_VERSION} vs agentscore, ${peerSizes.join(', ')} JSON-mode cases...\n`,
);
const peer = await measurePeer(peerSizes);
if ('skipped' in peer) report({ promptfoo_comparison: `skipped (${peer.skipped})` });
else
  for (const row of peer.rows)
    report({
      [`peer_promptfoo_seconds_${row.cases}`]: round(row.promptfooSeconds),
      [`peer_agentscore_seconds_${row.cases}`]: round(row.agentscoreSeconds),
      [`peer_ratio_${row.cases}`]: round(row.ratio, 1),
    });

const seconds = Math.round((performance.now() - began) / 100) / 10;
writeFileSync(RESULTS_FILE, `${JSON.stringify({ figures, machine, benchSeconds: seconds }, null, 2)}\n`);
process.stderr.write(`done in ${seconds} s; figures in ${RESULTS_FILE}\n`);
