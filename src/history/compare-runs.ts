/**
 * @module Compares two runs (pure): score deltas, check flips, latency shifts judged against noise,
 * response-shape diffs, and the alerts they imply. Exit code 1 when anything regressed.
 */
import type { ProbeResult } from '../spec/probe-result.ts';
import { CATEGORY_IDS, type CategoryId, type Scorecard } from '../spec/scorecard.ts';
import type { Alert } from './alert.ts';
import { type CheckFlip, checkFlips } from './check-flips.ts';
import { type LatencyShift, latencyShifts } from './latency-shifts.ts';
import { DEFAULT_THRESHOLD_POINTS } from './regression-threshold.ts';
import { CATEGORY_LABELS, componentLabel } from './score-labels.ts';
import { type ShapeDiff, shapeDiff } from './shape-diff.ts';

export { DEFAULT_THRESHOLD_POINTS };

export interface RunSnapshot {
  scorecard: Scorecard;
  results: readonly ProbeResult[];
}

export interface CompareOptions {
  /** Points a headline or component score must drop (or rise) to count; default 5. */
  threshold?: number;
  /** Put into every alert, e.g. the new run's report.html. */
  reportPath?: string;
  /** Alert keys that regressed in the previous comparison; when given, only they can recover. */
  previousRegressions?: readonly string[];
}

export interface CategoryDelta {
  category: CategoryId;
  base: number | null;
  new: number | null;
  /** null when either side is null (not judged); such moves are noted, never a regression. */
  delta: number | null;
}

export interface ComponentDelta extends CategoryDelta {
  component: string;
}

export interface RunComparison {
  target: string;
  threshold: number;
  categoryDeltas: CategoryDelta[];
  componentDeltas: ComponentDelta[];
  flips: CheckFlip[];
  latency: LatencyShift[];
  shapeDiffs: ShapeDiff;
  /** Score drops ≥ threshold and pass → fail flips. */
  regressions: Alert[];
  /** Significant slowdowns (kind `latency`); reported and alerted, but not counted as regressions. */
  latencyAlerts: Alert[];
  /** Score rises ≥ threshold, fail → pass flips and significant speed-ups. */
  improvements: Alert[];
  /** Improvements that undo a regression (see CompareOptions.previousRegressions). */
  recoveries: Alert[];
  /** Caveats: null transitions, incomplete runs, rubric changes. */
  notes: string[];
  exitCode: 0 | 1;
}

const LATENCY_LABELS = { ttftMs: 'TTFT p50', e2eMs: 'e2e p50', interTokenMs: 'inter-token p50' } as const;

function delta(base: number | null, next: number | null): number | null {
  return base === null || next === null ? null : Math.round((next - base) * 100) / 100;
}

function componentDeltas(base: Scorecard, next: Scorecard): ComponentDelta[] {
  return CATEGORY_IDS.flatMap((category) => {
    const before = base.scores[category]?.components ?? {};
    const after = next.scores[category]?.components ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return names.map((component) => {
      const baseScore = before[component]?.score ?? null;
      const newScore = after[component]?.score ?? null;
      return { category, component, base: baseScore, new: newScore, delta: delta(baseScore, newScore) };
    });
  });
}

export function compareRuns(
  base: RunSnapshot,
  next: RunSnapshot,
  options: CompareOptions = {},
): RunComparison {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD_POINTS;
  const target = next.scorecard.target.name;
  const reportPath = options.reportPath ?? '';
  const make = (kind: Alert['kind'], fields: Omit<Alert, 'kind' | 'target' | 'reportPath'>): Alert => ({
    kind,
    target,
    reportPath,
    ...fields,
  });

  const categoryDeltas: CategoryDelta[] = CATEGORY_IDS.map((category) => {
    const baseScore = base.scorecard.scores[category]?.score ?? null;
    const newScore = next.scorecard.scores[category]?.score ?? null;
    return { category, base: baseScore, new: newScore, delta: delta(baseScore, newScore) };
  });
  const components = componentDeltas(base.scorecard, next.scorecard);
  const flips = checkFlips(base.results, next.results);
  const latency = latencyShifts(base.results, next.results);

  const regressions: Alert[] = [];
  const improvements: Alert[] = [];
  const notes: string[] = [];
  const scoreMoves = [
    ...categoryDeltas.map((entry) => ({
      ...entry,
      key: `category:${entry.category}`,
      what: CATEGORY_LABELS[entry.category],
    })),
    ...components.map((entry) => ({
      ...entry,
      key: `component:${entry.category}.${entry.component}`,
      what: `${CATEGORY_LABELS[entry.category]} › ${componentLabel(entry.component)}`,
    })),
  ];
  for (const move of scoreMoves) {
    const fields = {
      key: move.key,
      what: move.what,
      from: move.base,
      to: move.new,
      delta: move.delta,
      unit: 'points' as const,
    };
    if (move.delta === null) {
      if (move.base !== move.new)
        notes.push(`${move.what}: ${move.base ?? '--'} → ${move.new ?? '--'} (not judged in one run)`);
    } else if (move.delta <= -threshold) regressions.push(make('regression', fields));
    else if (move.delta >= threshold) improvements.push(make('recovery', fields));
  }
  for (const flip of flips) {
    const fields = {
      key: `check:${flip.suite}/${flip.probe}/${flip.checkId}`,
      what: `check ${flip.checkId} (${flip.suite}/${flip.probe})`,
      from: flip.from,
      to: flip.to,
      delta: null,
      unit: 'check' as const,
    };
    if (flip.to === 'fail') regressions.push(make('regression', fields));
    else improvements.push(make('recovery', fields));
  }
  const latencyAlerts: Alert[] = [];
  for (const shift of latency) {
    if (!shift.changed || shift.baseP50 === null || shift.newP50 === null) continue;
    const alert = make('latency', {
      key: `latency:${shift.metric}`,
      what: LATENCY_LABELS[shift.metric],
      from: Math.round(shift.baseP50),
      to: Math.round(shift.newP50),
      delta: Math.round(shift.newP50) - Math.round(shift.baseP50),
      unit: 'ms',
    });
    (shift.direction === 'slower' ? latencyAlerts : improvements).push(alert);
  }

  const previous = options.previousRegressions ? new Set(options.previousRegressions) : null;
  const recoveries = improvements.filter(
    (alert) => alert.kind === 'recovery' && (previous === null || previous.has(alert.key)),
  );
  if (!base.scorecard.complete) notes.push('The base run is incomplete; its scores may be understated.');
  if (!next.scorecard.complete) notes.push('The new run is incomplete; its scores may be understated.');
  if (base.scorecard.rubricVersion !== next.scorecard.rubricVersion) {
    notes.push(
      `Rubric changed (${base.scorecard.rubricVersion} → ${next.scorecard.rubricVersion}); deltas mix rubric and target changes.`,
    );
  }

  return {
    target,
    threshold,
    categoryDeltas,
    componentDeltas: components,
    flips,
    latency,
    shapeDiffs: shapeDiff(base.results, next.results),
    regressions,
    latencyAlerts,
    improvements,
    recoveries,
    notes,
    exitCode: regressions.length > 0 ? 1 : 0,
  };
}
