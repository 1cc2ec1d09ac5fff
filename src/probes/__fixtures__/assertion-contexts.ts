/** @module Assertion contexts for unit tests: a target held to Mistral's spec, and an OpenAI-compatible one that is not. */
import type { AssertionContext } from '../assertion.ts';

function contextFor(target: AssertionContext['target']): AssertionContext {
  return {
    target,
    vars: { model: target.model },
    canaries: {} as AssertionContext['canaries'],
    containsSecret: () => false,
  };
}

export const MISTRAL_CONTEXT = contextFor({
  name: 'mistral',
  provider: 'mistral',
  baseUrl: 'https://api.mistral.ai/v1',
  model: 'mistral-small-latest',
  apiKeyEnv: 'MISTRAL_API_KEY',
});

export const OPENAI_COMPATIBLE_CONTEXT = contextFor({
  name: 'gateway',
  provider: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: 'gpt-4o-mini',
  apiKeyEnv: 'OPENAI_API_KEY',
});
