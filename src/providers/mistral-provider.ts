/** @module The Mistral adapter: the shared raw HTTP path plus the official SDK driven like an application. */
import type { Dispatcher } from 'undici';
import type { Target } from '../spec/target.ts';
import { createHttpProvider } from './http-provider.ts';
import { createMistralSdkDriver } from './mistral-sdk-driver.ts';
import type { Provider } from './provider.ts';

export interface MistralProviderOptions {
  apiKey: string;
  dispatcher?: Dispatcher;
  /** Monotonic clock for the raw path; `performance.now()` by default. */
  now?: () => number;
}

export function createMistralProvider(target: Target, options: MistralProviderOptions): Provider {
  const http = createHttpProvider(target, { ...options, kind: 'mistral' });
  const sdk = createMistralSdkDriver(target, { apiKey: options.apiKey, dispatcher: options.dispatcher });
  // A base URL the SDK cannot be pointed at (no trailing `/v1`) leaves the SDK out; the `sdk` kind then skips.
  return { ...http, kind: 'mistral', ...(sdk ? { sdk } : {}) };
}
