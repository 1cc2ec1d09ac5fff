/** @module Printing a comparison, shared by compare and monitor (run folders are read by run/run-folder.ts). */
import { formatAlertLine } from '../../history/alerts.ts';
import type { RunComparison } from '../../history/compare-runs.ts';

function signed(value: number | null): string {
  if (value === null) return 'n/a';
  return value > 0 ? `+${value}` : String(value);
}

export function formatComparison(comparison: RunComparison): string {
  const lines = [`${comparison.target}: threshold ${comparison.threshold} points`];
  lines.push('', 'Categories:');
  for (const row of comparison.categoryDeltas)
    lines.push(
      `  ${row.category.padEnd(20)} ${String(row.base ?? '--').padStart(4)} → ${String(row.new ?? '--').padStart(4)}  ${signed(row.delta)}`,
    );
  const moved = comparison.componentDeltas.filter((row) => row.delta !== 0);
  if (moved.length) {
    lines.push('', 'Components that moved:');
    for (const row of moved)
      lines.push(
        `  ${`${row.category}.${row.component}`.padEnd(40)} ${String(row.base ?? '--').padStart(4)} → ${String(row.new ?? '--').padStart(4)}  ${signed(row.delta)}`,
      );
  }
  if (comparison.flips.length) {
    lines.push('', 'Checks that flipped:');
    for (const flip of comparison.flips.slice(0, 50))
      lines.push(`  ${flip.suite}/${flip.probe} ${flip.checkId}: ${flip.from} → ${flip.to}`);
  }
  const latency = comparison.latency.filter((row) => row.changed);
  lines.push('', latency.length ? 'Latency changes beyond noise:' : 'Latency: no change beyond noise.');
  for (const row of latency)
    lines.push(
      `  ${row.metric}: p50 ${row.baseP50?.toFixed(1)} → ${row.newP50?.toFixed(1)} ms (p = ${row.pValue?.toExponential(2)})`,
    );
  const { added, removed, changedType } = comparison.shapeDiffs;
  if (added.length + removed.length + changedType.length) {
    lines.push(
      '',
      `Response shape: ${added.length} field(s) added, ${removed.length} removed, ${changedType.length} changed type`,
    );
    for (const path of [
      ...removed.map((p) => `- ${p}`),
      ...changedType.map((p) => `~ ${p}`),
      ...added.map((p) => `+ ${p}`),
    ].slice(0, 30))
      lines.push(`  ${path}`);
  }
  for (const note of comparison.notes) lines.push(`note: ${note}`);
  lines.push(
    '',
    comparison.regressions.length ? `${comparison.regressions.length} regression(s):` : 'No regression.',
  );
  for (const alert of comparison.regressions) lines.push(`  ${formatAlertLine(alert)}`);
  return `${lines.join('\n')}\n`;
}
