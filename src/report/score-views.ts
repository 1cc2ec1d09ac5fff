/** @module Headline scores, per-category breakdowns and component rows of a scorecard. */

import { componentLabel } from '../history/score-labels.ts';
import {
  CATEGORY_COMPONENTS,
  CATEGORY_IDS,
  type CategoryId,
  type ComponentScore,
  type ComponentSource,
  type Coverage,
  type Scorecard,
} from '../spec/scorecard.ts';
import { formatRate, formatScore, NULL_DISPLAY, scorePercent, scoreTone } from './format.ts';
import { CATEGORY_DISPLAY } from './labels.ts';
import type { CategorySection, ComponentRow, HeadlineRow, ScoreView } from './report-rows.ts';

const SOURCE_LABELS: Record<ComponentSource, string> = {
  measured: 'measured',
  attested: 'attested',
  mixed: 'measured + attested',
  'not-applicable': 'not judged',
};

export function scoreView(score: number | null | undefined): ScoreView {
  const value = typeof score === 'number' && Number.isFinite(score) ? score : null;
  return { score: value, display: formatScore(value), percent: scorePercent(value), tone: scoreTone(value) };
}

export const INSUFFICIENT_EVIDENCE = 'insufficient evidence';

/** `75%` of the points (or weight) judged, or `--` on scorecards written before coverage existed. */
export function coverageDisplay(coverage: Coverage | undefined): string {
  return coverage ? formatRate(coverage.share).replace(/\.0%$/, '%') : NULL_DISPLAY;
}

/**
 * A null score is "insufficient evidence" when the scorer says so, or when it measured coverage
 * (scorecards with coverage null a score only below the rubric's coverage floor).
 */
function isInsufficient(
  score: number | null | undefined,
  notes: string,
  coverage: Coverage | undefined,
): boolean {
  if (typeof score === 'number') return false;
  return coverage !== undefined || notes.toLowerCase().includes(INSUFFICIENT_EVIDENCE);
}

function withInsufficientNote(notes: string, insufficient: boolean): string {
  if (!insufficient || notes.toLowerCase().includes(INSUFFICIENT_EVIDENCE)) return notes;
  return notes ? `Insufficient evidence. ${notes}` : 'Insufficient evidence.';
}

function componentRow(path: string, component: ComponentScore | null | undefined): ComponentRow {
  const notes = component?.notes ?? '';
  const insufficient = isInsufficient(component?.score, notes, component?.coverage);
  return {
    ...scoreView(component?.score),
    path,
    label: componentLabel(path),
    source: component?.source ?? 'not-applicable',
    sourceLabel: SOURCE_LABELS[component?.source ?? 'not-applicable'],
    evidenceCount: component?.evidence.length ?? 0,
    coverage: coverageDisplay(component?.coverage),
    samples: component?.coverage ? String(component.coverage.samples) : NULL_DISPLAY,
    insufficient,
    notes: withInsufficientNote(notes, insufficient),
    caps: component?.capsApplied ?? [],
    unverified: component?.unverified ?? [],
    nullAggregation: component?.nullAggregation ?? '',
  };
}

/** The rubric's components in seed order, then any extra component the scorecard carries. */
export function componentRows(scorecard: Scorecard, category: CategoryId): ComponentRow[] {
  const components = scorecard.scores[category]?.components ?? {};
  const known: readonly string[] = CATEGORY_COMPONENTS[category];
  const extra = Object.keys(components).filter((id) => !known.includes(id));
  return [...known, ...extra].map((id) => componentRow(`${category}.${id}`, components[id]));
}

/** Summary used when the scorer wrote no note: strongest, weakest and unjudged components. */
export function summariseComponents(rows: ComponentRow[]): string {
  const judged = rows.filter((row) => row.score !== null);
  const unjudged = rows.filter((row) => row.score === null).map((row) => row.label);
  const parts: string[] = [];
  if (judged.length > 0) {
    const sorted = [...judged].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    const best = sorted[0]!;
    const worst = sorted[sorted.length - 1]!;
    parts.push(
      best === worst
        ? `Only ${best.label} judged (${best.display})`
        : `Strongest: ${best.label} (${best.display}); weakest: ${worst.label} (${worst.display})`,
    );
  }
  if (unjudged.length > 0) parts.push(`could not judge ${unjudged.join(', ')}`);
  const sentence = parts.join('; ');
  return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : 'No component judged.';
}

export function headlineRow(scorecard: Scorecard, category: CategoryId): HeadlineRow {
  const label = CATEGORY_DISPLAY[category];
  const scores = scorecard.scores[category];
  return {
    ...scoreView(scores?.score),
    coverage: scores?.coverage ? coverageDisplay(scores.coverage) : '',
    insufficient: isInsufficient(scores?.score, scores?.notes ?? '', scores?.coverage),
    id: category,
    title: label.title,
    icon: label.icon,
    question: label.question,
  };
}

export function categorySections(scorecard: Scorecard): CategorySection[] {
  return CATEGORY_IDS.map((category) => {
    const components = componentRows(scorecard, category);
    const headline = headlineRow(scorecard, category);
    const note = scorecard.scores[category]?.notes?.trim() || summariseComponents(components);
    return { ...headline, note: withInsufficientNote(note, headline.insufficient), components };
  });
}
