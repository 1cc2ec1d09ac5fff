/**
 * @module Vitest settings for mutation testing: unit tests beside the source only (no e2e, no
 * browser), so each mutant is judged by the fast tests that import the code it changes.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Instrumented code runs several times slower: tests read this to skip wall-clock budgets and
    // to shrink quadratic or seeded loops (the normal suite still runs them in full).
    env: { AGENTSCORE_MUTATION: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
