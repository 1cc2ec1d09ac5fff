/**
 * @module The Alternatives section, purely from scorecards: the other known targets ranked, and
 * where each is better or worse than this one, component by component, from judged evidence only.
 */
import { CATEGORY_LABELS, componentLabel } from '../history/score-labels.ts';
import { CATEGORY_COMPONENTS, CATEGORY_IDS, type CategoryId, type Scorecard } from '../spec/scorecard.ts';
import { formatScore } from './format.ts';

/** Another evaluated target, as the board or history knows it. */
export interface AlternativeInput {
  scorecard: Scorecard;
  /** Relative path to its report.html (from this report's folder), when it has one; encoded here. */
  reportHref?: string | null;
}

/**
 * Differences smaller than this are read as "the same": one failed check among a dozen moves a
 * component by about this much, and a single run cannot tell such a gap from noise.
 */
export const ALTERNATIVE_MARGIN = 5;

export interface ComponentDifference {
  label: string;
  /** This target's score and the alternative's, as shown (`62 → 80`). */
  scores: string;
  delta: number;
}

export interface AlternativeRow {
  rank: number;
  name: string;
  model: string;
  reportHref: string | null;
  /** Mean of the alternative's judged headline scores (the ranking key) and how many were judged. */
  overall: string;
  /** Headline categories as `Agent Friendliness 62 → 80 (+18)`. */
  headline: string[];
  better: ComponentDifference[];
  worse: ComponentDifference[];
  /** Components one of the two left unjudged (null: below the coverage floor or no evidence). */
  notCompared: string[];
}

export interface AlternativesView {
  rows: AlternativeRow[];
  /** How the comparison reads the evidence, shown under the heading. */
  method: string;
}

/**
 * A relative file path as a link target: each segment percent-encoded (parentheses too, which end a
 * Markdown link), so a folder name cannot break out of the link or the attribute.
 */
export function relativeHref(relativePath: string): string {
  return relativePath
    .split(/[\\/]/)
    .map((segment) =>
      segment === '..' || segment === '.'
        ? segment
        : encodeURIComponent(segment).replace(
            /[()'*!]/g,
            (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
          ),
    )
    .join('/');
}

function judgedHeadline(scorecard: Scorecard): number[] {
  return CATEGORY_IDS.map((category) => scorecard.scores[category]?.score).filter(
    (score): score is number => typeof score === 'number',
  );
}

function headlineMean(scorecard: Scorecard): number | null {
  const scores = judgedHeadline(scorecard);
  return scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null;
}

/** `71 (3 of 4 judged)`: a mean over fewer categories says less, so the count is shown with it. */
function overallDisplay(scorecard: Scorecard, mean: number | null): string {
  return `${formatScore(mean)} (${judgedHeadline(scorecard).length} of ${CATEGORY_IDS.length} judged)`;
}

function signed(delta: number): string {
  return delta > 0 ? `+${Math.round(delta)}` : String(Math.round(delta));
}

function headlineLine(self: Scorecard, other: Scorecard, category: CategoryId): string {
  const mine = self.scores[category]?.score ?? null;
  const theirs = other.scores[category]?.score ?? null;
  const delta = mine !== null && theirs !== null ? ` (${signed(theirs - mine)})` : '';
  return `${CATEGORY_LABELS[category]} ${formatScore(mine)} → ${formatScore(theirs)}${delta}`;
}

function compareComponents(self: Scorecard, other: Scorecard) {
  const better: ComponentDifference[] = [];
  const worse: ComponentDifference[] = [];
  const notCompared: string[] = [];
  for (const category of CATEGORY_IDS) {
    for (const component of CATEGORY_COMPONENTS[category]) {
      const mine = self.scores[category]?.components[component]?.score ?? null;
      const theirs = other.scores[category]?.components[component]?.score ?? null;
      const label = componentLabel(`${category}.${component}`);
      if (mine === null && theirs === null) continue;
      if (mine === null || theirs === null) {
        notCompared.push(label);
        continue;
      }
      const delta = theirs - mine;
      const difference = { label, scores: `${formatScore(mine)} → ${formatScore(theirs)}`, delta };
      if (delta >= ALTERNATIVE_MARGIN) better.push(difference);
      else if (delta <= -ALTERNATIVE_MARGIN) worse.push(difference);
    }
  }
  better.sort((left, right) => right.delta - left.delta);
  worse.sort((left, right) => left.delta - right.delta);
  return { better, worse, notCompared };
}

/**
 * The other targets, best first by the mean of their judged headline scores (unjudged last, then by
 * name), each compared with `self`. A target with the same name as `self` is left out.
 */
export function alternativesView(self: Scorecard, others: readonly AlternativeInput[]): AlternativesView {
  const ranked = others
    .filter((other) => other.scorecard.target.name !== self.target.name)
    .map((other) => ({ other, mean: headlineMean(other.scorecard) }))
    .sort(
      (left, right) =>
        (right.mean ?? -1) - (left.mean ?? -1) ||
        left.other.scorecard.target.name.localeCompare(right.other.scorecard.target.name),
    );
  return {
    rows: ranked.map(({ other, mean }, index) => ({
      rank: index + 1,
      name: other.scorecard.target.name,
      model: other.scorecard.target.model,
      reportHref: other.reportHref ? relativeHref(other.reportHref) : null,
      overall: overallDisplay(other.scorecard, mean),
      headline: CATEGORY_IDS.map((category) => headlineLine(self, other.scorecard, category)),
      ...compareComponents(self, other.scorecard),
    })),
    method: `Ranked by the mean of each target's judged headline scores. "Better" and "worse" compare component scores this target → the alternative and list gaps of ${ALTERNATIVE_MARGIN} points or more; a component either side could not judge (no evidence, or below the coverage floor) is listed as not compared, never as a difference.`,
  };
}
