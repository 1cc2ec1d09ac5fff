/** @module The preflight as run.json records it: whether an API answers at the base URL with the key, before any probe. */

/** What the preflight concluded; anything but `ok` stops the run before the first probe. */
export type PreflightOutcome = 'ok' | 'unreachable' | 'wrong-base-url' | 'key-rejected' | 'model-unknown';

/** One request the preflight sent (the key never appears: URLs are built without it). */
export interface PreflightRequest {
  method: string;
  url: string;
  /** null when no answer arrived. */
  status: number | null;
  /** Typed transport failure when no complete answer arrived, e.g. `connection-refused`. */
  failure?: string;
}

export interface PreflightDone {
  outcome: PreflightOutcome;
  /** The base URL as given. */
  urlTried: string;
  /** The base URL the run uses: the one given, or it plus `/v1` when only that answered. */
  baseUrl: string;
  /** true when `baseUrl` is the `/v1` fallback, not the URL given. */
  fallbackAdopted: boolean;
  requests: PreflightRequest[];
  /** One sentence a user can act on (scrubbed); null when all is well and nothing needs saying. */
  message: string | null;
  /** Up to five model ids the API offers, when the model asked for is not among them. */
  modelsOffered?: string[];
  durationMs: number;
}

export type PreflightRecord = PreflightDone | { skipped: 'replay' };
