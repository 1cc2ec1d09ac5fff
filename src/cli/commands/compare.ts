/** @module `agentscore compare`: deltas between two run directories; exit 1 on a regression. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type RunComparison, compareRuns } from '../../history/compare-runs.ts';
import { formatAlertLine } from '../../history/alerts.ts';
import { readResults } from '../../run/results-file.ts';
import type { Scorecard } from '../../spec/scorecard.ts';
import { type CliCommand, UsageError } from '../cli-command.ts';

export function readRunSnapshot(runDir: string): { scorecard: Scorecard; results: ReturnType<typeof readResults> } {
  const file = join(runDir, 'scorecard.json');
  if (!existsSync(file)) throw new UsageError(`${file} not found: is ${runDir} a run directory?`);
  return { scorecard: JSON.parse(readFileSync(file, 'utf8')) as Scorecard, results: readResults(join(runDir, 'results.jsonl')) };
}

function signed(value: number | null): string {
  if (value === null) return 'n/a';
  return value > 0 ? `+${value}` : String(value);
}

export function formatComparison(comparison: RunComparison): string {
  const lines = [`${comparison.target}: threshold ${comparison.threshold} points`];
  lines.push('', 'Categories:');
  for (const row of comparison.categoryDeltas) lines.push(`  ${row.category.padEnd(20)} ${String(row.base ?? '--').padStart(4)} → ${String(row.new ?? '--').padStart(4)}  ${signed(row.delta)}`);
  const moved = comparison.componentDeltas.filter((row) => row.delta !== 0);
  if (moved.length) {
    lines.push('', 'Components that moved:');
    for (const row of moved) lines.push(`  ${`${row.category}.${row.component}`.padEnd(40)} ${String(row.base ?? '--').padStart(4)} → ${String(row.new ?? '--').padStart(4)}  ${signed(row.delta)}`);
  }
  if (comparison.flips.length) {
    lines.push('', 'Checks that flipped:');
    for (const flip of comparison.flips.slice(0, 50)) lines.push(`  ${flip.suite}/${flip.probe} ${flip.checkId}: ${flip.from} → ${flip.to}`);
  }
  const latency = comparison.latency.filter((row) => row.changed);
  lines.push('', latency.length ? 'Latency changes beyond noise:' : 'Latency: no change beyond noise.');
  for (const row of latency) lines.push(`  ${row.metric}: p50 ${row.baseP50?.toFixed(1)} → ${row.newP50?.toFixed(1)} ms (p = ${row.pValue?.toExponential(2)})`);
  const { added, removed, changedType } = comparison.shapeDiffs;
  if (added.length + removed.length + changedType.length) {
    lines.push('', `Response shape: ${added.length} field(s) added, ${removed.length} removed, ${changedType.length} changed type`);
    for (const path of [...removed.map((p) => `- ${p}`), ...changedType.map((p) => `~ ${p}`), ...added.map((p) => `+ ${p}`)].slice(0, 30)) lines.push(`  ${path}`);
  }
  for (const note of comparison.notes) lines.push(`note: ${note}`);
  lines.push('', comparison.regressions.length ? `${comparison.regressions.length} regression(s):` : 'No regression.');
  for (const alert of comparison.regressions) lines.push(`  ${formatAlertLine(alert)}`);
  return `${lines.join('\n')}\n`;
}

export const compareCommand: CliCommand = {
  name: 'compare',
  summary: 'compare two run directories; exit 1 when a score drops by the threshold or a check flips to fail',
  usage: 'BASE_RUN NEW_RUN [--threshold POINTS]',
  options: [{ name: 'threshold', type: 'string', valueName: 'POINTS', description: 'score drop that counts as a regression', default: '5' }],
  async run(options, positionals, io) {
    if (positionals.length !== 2) throw new UsageError('give two run directories: BASE_RUN NEW_RUN');
    const threshold = Number(options.threshold ?? 5);
    if (!Number.isFinite(threshold) || threshold < 0) throw new UsageError(`--threshold must be a number ≥ 0, got "${String(options.threshold)}"`);
    const [base, next] = positionals.map((path) => readRunSnapshot(resolve(io.cwd, path)));
    const comparison = compareRuns(base!, next!, { threshold, reportPath: join(resolve(io.cwd, positionals[1]!), 'report.html') });
    io.stdout.write(formatComparison(comparison));
    return comparison.exitCode;
  },
};
