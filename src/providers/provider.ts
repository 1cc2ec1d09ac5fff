/** @module The provider contract: one HTTP edge for every target, raw bytes and timings visible. */
import type { FailureReason } from '../spec/probe-result.ts';
import type { AuthMode } from '../spec/suite.ts';
import type { Target } from '../spec/target.ts';
import type { SdkDriver } from './sdk-driver.ts';

export interface ProviderRequest {
  method: string;
  /** Path relative to the target's base URL (e.g. `/v1/models`) or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  auth: AuthMode;
  /** JSON-serialised body. */
  body?: unknown;
  /** Raw body (text or bytes, e.g. multipart); takes precedence over `body`. */
  rawBody?: string | Uint8Array;
  /** Parse the answer as server-sent events. */
  stream?: boolean;
  timeoutMs: number;
  /** Maximum body bytes kept; beyond it the exchange ends with `body-too-large`. */
  maxBodyBytes?: number;
}

export interface SseEvent {
  /** The `data:` payload (joined lines). */
  data: string;
  event?: string;
  /** Milliseconds since request start when the event was complete. */
  atMs: number;
}

export interface ProviderExchange {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    bodyText?: string;
    /** The request carried the real key as a bearer token, the way the target is used. */
    sentRealKey?: boolean;
  };
  /** null when no response arrived. */
  status: number | null;
  headers: Record<string, string>;
  bodyText: string;
  bodyBytes: number;
  /** Parsed JSON body when the body is JSON; undefined otherwise. */
  json?: unknown;
  sse?: SseEvent[];
  /** true when an SSE stream ended with `data: [DONE]`. */
  sseDone?: boolean;
  /** Milliseconds since request start when `[DONE]` arrived (`[DONE]` itself is not in `sse`). */
  sseDoneAtMs?: number;
  /** true when the body was not valid UTF-8 (`bodyText` then holds replacement characters). */
  invalidUtf8?: boolean;
  timings: { startedAt: string; ttfbMs: number | null; e2eMs: number };
  /** Set when the exchange could not complete normally. */
  failure?: { reason: FailureReason; message: string };
  /**
   * Requests the provider sent before this answer for the same call: 1 when the server refused the
   * `stream_options` ask and the request went again without it (stream-usage.ts). The run budget counts them.
   */
  extraRequests?: number;
}

export interface Provider {
  readonly kind: Target['provider'];
  readonly target: Target;
  send(request: ProviderRequest): Promise<ProviderExchange>;
  /** Values that must never be written: the key and its encodings. */
  secrets(): string[];
  close(): Promise<void>;
  /** The official SDK, driven like an application would (Mistral only). */
  readonly sdk?: SdkDriver;
}
