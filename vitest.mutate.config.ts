/**
 * @module Vitest settings for mutation testing: unit tests beside the source only (no e2e, no
 * browser), so each mutant is judged by the fast tests that import the code it changes.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Instrumented code runs several times slower: wall-clock budgets in tests read this and skip
    // their timing assertion (the normal suite still checks it).
    env: { AGENTSCORE_MUTATION: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
