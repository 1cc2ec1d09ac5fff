/** @module Schema fragments shared by the suite, config, profile and rubric schemas. */
import { allComponentPaths } from '../spec/scorecard.ts';

/** Ids of suites, probes, targets and claims: letters, digits, `.`, `_` and `-`. */
export const idSchema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  description: 'letters, digits, ".", "_" and "-"',
} as const;

export const nonEmptyString = { type: 'string', minLength: 1 } as const;

export const componentPathSchema = { type: 'string', enum: allComponentPaths() } as const;

/** A component a check feeds, or null for an informational check. */
export const feedsSchema = { type: ['string', 'null'], enum: [...allComponentPaths(), null] } as const;

export const isoDateSchema = { type: 'string', format: 'date' } as const;

export const score0to100 = { type: 'number', minimum: 0, maximum: 100 } as const;
