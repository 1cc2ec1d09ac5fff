/** @module Drives the official @mistralai/mistralai SDK and reports each outcome as plain data. */
import type { Fetcher, Mistral } from '@mistralai/mistralai';
import { type Dispatcher, fetch as undiciFetch } from 'undici';
import type { Target } from '../spec/target.ts';
import { mapSdkError } from './map-sdk-error.ts';
import type { SdkCallOptions, SdkDriver, SdkOutcome } from './sdk-driver.ts';

export interface MistralSdkDriverOptions {
  apiKey: string;
  dispatcher?: Dispatcher;
  /** Client-wide timeout; each call passes its own too. */
  timeoutMs?: number;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A fetch for the SDK that goes through the given undici dispatcher (the SDK hands it a global Request). */
function dispatcherFetcher(dispatcher: Dispatcher): Fetcher {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const response = await undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body,
      signal: request.signal,
      dispatcher,
    });
    const responseBody = NULL_BODY_STATUSES.has(response.status) ? null : response.body;
    return new Response(responseBody as ConstructorParameters<typeof Response>[0], {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
  };
}

// The SDK takes seconds to import (its generated model index), so it loads on first use only.
type SdkModule = typeof import('@mistralai/mistralai');
let sdkModule: Promise<SdkModule> | undefined;
function loadSdk(): Promise<SdkModule> {
  sdkModule ??= import('@mistralai/mistralai');
  return sdkModule;
}

/**
 * The SDK's `serverURL` for a base URL: the SDK appends `/v1/...` itself, so a base that ends in `/v1`
 * loses it; any other base (an API at a server's root, `/v1beta/openai`) cannot be reached by the SDK: null.
 */
export function sdkServerUrl(baseUrl: string): string | null {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v1$/i.test(trimmed) ? trimmed.slice(0, -'/v1'.length) : null;
}

/** The SDK driver, or undefined when the base URL is not one the SDK can be pointed at (see sdkServerUrl). */
export function createMistralSdkDriver(
  target: Target,
  options: MistralSdkDriverOptions,
): SdkDriver | undefined {
  const serverURL = sdkServerUrl(target.baseUrl);
  // The SDK sends the key as a bearer token to `serverURL` + `/v1/...` and nothing else.
  const bearer = (target.auth?.scheme ?? 'bearer') === 'bearer';
  if (serverURL === null || !bearer || target.headers || target.query) return undefined;
  const clientFor = ({ Mistral, HTTPClient }: SdkModule, apiKey: string) =>
    new Mistral({
      apiKey,
      serverURL,
      retryConfig: { strategy: 'none' },
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.dispatcher
        ? { httpClient: new HTTPClient({ fetcher: dispatcherFetcher(options.dispatcher) }) }
        : {}),
    });
  let defaultClient: Mistral | undefined;
  const client = async (apiKey: string | undefined) => {
    const sdk = await loadSdk();
    if (apiKey !== undefined && apiKey !== options.apiKey) return clientFor(sdk, apiKey);
    defaultClient ??= clientFor(sdk, options.apiKey);
    return defaultClient;
  };

  async function call<T>(
    callOptions: SdkCallOptions,
    run: (mistral: Mistral, requestOptions: { timeoutMs: number }) => Promise<T>,
  ): Promise<SdkOutcome<T>> {
    const mistral = await client(callOptions.apiKey);
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
    try {
      const value = await run(mistral, { timeoutMs: callOptions.timeoutMs });
      return { ok: true, value, durationMs: elapsed() };
    } catch (error) {
      return mapSdkError(error, elapsed());
    }
  }

  return {
    chatComplete: (request, callOptions) =>
      call(callOptions, (mistral, requestOptions) => mistral.chat.complete(request, requestOptions)),
    listModels: (callOptions) =>
      call(callOptions, (mistral, requestOptions) => mistral.models.list(undefined, requestOptions)),
  };
}
