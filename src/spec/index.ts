/** @module Shared types only; no side effects. */
export * from './probe-result.ts';
export * from './rubric.ts';
export * from './scorecard.ts';
export * from './target.ts';
export * from './target-profile.ts';
