/** @module The one place network JSON is parsed: bodies of exchanges and SSE event payloads. */
import type { ProviderExchange } from './provider.ts';

export type JsonParseOutcome =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'invalid-json' | 'truncated-body'; message: string };

const CUT_SHORT = new Set(['truncated-body', 'body-too-large', 'timeout', 'connection-reset']);

/** true when a content-type names JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** Parses JSON text; an error at the very end of the input is reported as truncation. */
export function parseJsonText(text: string): JsonParseOutcome {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "Unexpected end of JSON input" or names a position: at the end of the text means cut short.
    const position = /at position (\d+)/.exec(message);
    const trimmedLength = text.trimEnd().length;
    const atEnd =
      trimmedLength > 0 &&
      (/end of (JSON )?input/i.test(message) ||
        (position !== null && Number(position[1]) >= trimmedLength) ||
        /Unterminated string/i.test(message));
    return { ok: false, reason: atEnd ? 'truncated-body' : 'invalid-json', message };
  }
}

/** Parses an exchange's body; a body the exchange itself reports as cut short is `truncated-body`. */
export function parseJsonBody(exchange: Pick<ProviderExchange, 'bodyText' | 'failure'>): JsonParseOutcome {
  const failure = exchange.failure;
  if (failure && CUT_SHORT.has(failure.reason)) {
    return { ok: false, reason: 'truncated-body', message: `body incomplete: ${failure.reason}` };
  }
  return parseJsonText(exchange.bodyText);
}
