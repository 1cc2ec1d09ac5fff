/** @module Headline scores, per-category breakdowns and component rows of a scorecard. */

import { componentLabel } from '../history/score-labels.ts';
import {
  CATEGORY_COMPONENTS,
  CATEGORY_IDS,
  type CategoryId,
  type ComponentScore,
  type ComponentSource,
  type Scorecard,
} from '../spec/scorecard.ts';
import { formatScore, scorePercent, scoreTone } from './format.ts';
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

function componentRow(path: string, component: ComponentScore | null | undefined): ComponentRow {
  return {
    ...scoreView(component?.score),
    path,
    label: componentLabel(path),
    source: component?.source ?? 'not-applicable',
    sourceLabel: SOURCE_LABELS[component?.source ?? 'not-applicable'],
    evidenceCount: component?.evidence.length ?? 0,
    notes: component?.notes ?? '',
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
  return {
    ...scoreView(scorecard.scores[category]?.score),
    id: category,
    title: label.title,
    icon: label.icon,
    question: label.question,
  };
}

export function categorySections(scorecard: Scorecard): CategorySection[] {
  return CATEGORY_IDS.map((category) => {
    const components = componentRows(scorecard, category);
    const note = scorecard.scores[category]?.notes?.trim();
    return { ...headlineRow(scorecard, category), note: note || summariseComponents(components), components };
  });
}
