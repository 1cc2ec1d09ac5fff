/** @module The improvement roadmap as report rows: what to fix first, worth how many headline points. */
import { CATEGORY_LABELS } from '../history/score-labels.ts';
import type { CategoryId, RoadmapItem } from '../spec/scorecard.ts';

export interface RoadmapRow {
  rank: number;
  checkId: string;
  gain: string;
  evidence: string;
  advice: string;
}

/** The first rows of `scorecard.roadmap` (ranked by the scorer), gains written as `+12 Data Protection`. */
export function roadmapRows(roadmap: readonly RoadmapItem[] | undefined, limit = 10): RoadmapRow[] {
  return (roadmap ?? []).slice(0, limit).map((item, index) => ({
    rank: index + 1,
    checkId: item.checkId,
    gain:
      Object.entries(item.gains)
        .map(([category, points]) => `+${points} ${CATEGORY_LABELS[category as CategoryId] ?? category}`)
        .join(', ') || 'no headline change (the component moves)',
    evidence: item.evidence,
    advice: item.advice ?? '',
  }));
}
