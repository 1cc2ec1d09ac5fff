/** @module Picks the provider adapter a target names. */
import type { Dispatcher } from 'undici';
import type { Target } from '../spec/target.ts';
import { createOpenAiCompatibleProvider } from './http-provider.ts';
import { createMistralProvider } from './mistral-provider.ts';
import type { Provider } from './provider.ts';

export interface CreateProviderOptions {
  dispatcher?: Dispatcher;
  now?: () => number;
}

export function createProvider(
  target: Target,
  apiKey: string,
  options: CreateProviderOptions = {},
): Provider {
  switch (target.provider) {
    case 'mistral':
      return createMistralProvider(target, { apiKey, ...options });
    case 'openai-compatible':
      return createOpenAiCompatibleProvider(target, { apiKey, ...options });
    default: {
      const unknown: never = target.provider;
      throw new Error(`unknown provider kind: ${String(unknown)}`);
    }
  }
}
