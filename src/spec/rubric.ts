/** @module The scoring rubric (rubrics/*.yaml): category weights, per-component checks, caps, bonuses and attested claims. */
import type { CategoryId, ComponentPath } from './scorecard.ts';

/** A named ceiling on a component score, applied when its check fails at all (or its claim fails). */
export interface RubricCap {
  max: number;
  /** Shown in `capsApplied`, e.g. "key echoed in a response". */
  label: string;
}

/** A measured check: `points` are lost in proportion to the share of failed results. */
export interface RubricCheck {
  points: number;
  description: string;
  cap?: RubricCap;
}

/** Points added (up to 100) when the check passes, only if the penalty-only score is at least 90. */
export interface RubricBonus {
  points: number;
  description: string;
}

/**
 * An attested claim a component reads from the target profile. `points` is the penalty for a failed
 * claim (half for partial, unknown or stale); claims that carry a `score` use it directly while fresh.
 */
export interface RubricAttested {
  description: string;
  points?: number;
  cap?: RubricCap;
}

export interface RubricComponent {
  /** `zero`: no evidence counts as 0 in the category; `exclude` (the default): left out, weights renormalised. */
  nullAggregation?: 'zero' | 'exclude';
  description: string;
  /** Measured checks by check id; absent or `{}` for components judged from attested claims only. */
  checks?: Record<string, RubricCheck>;
  bonuses?: Record<string, RubricBonus>;
  attested?: Record<string, RubricAttested>;
}

export interface RubricCategory {
  /** Component id → weight; weights of one category sum to 1. */
  weights: Record<string, number>;
}

export interface Rubric {
  rubricVersion: string;
  categories: Record<CategoryId, RubricCategory>;
  components: Partial<Record<ComponentPath, RubricComponent>>;
}
