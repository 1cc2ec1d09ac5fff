/** @module Maps what undici and the socket layer throw to a typed FailureReason. */
import type { FailureReason } from '../spec/probe-result.ts';

export interface ClassifiedFailure {
  reason: FailureReason;
  message: string;
}

/** Where the exchange was when the error happened. */
export interface FailureContext {
  /** Response headers had arrived (the error hit while reading the body). */
  inBody: boolean;
  /** Declared content-length, when the response had one. */
  contentLength: number | null;
  bytesReceived: number;
}

/** The error codes in an error, its causes and (AggregateError) its members. */
function collectCodes(error: unknown, seen = new Set<unknown>()): string[] {
  if (error === null || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const codes: string[] = [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') codes.push(code);
  codes.push(...collectCodes(cause, seen));
  if (Array.isArray(errors)) for (const member of errors) codes.push(...collectCodes(member, seen));
  return codes;
}

function describe(error: unknown, codes: string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  return codes.length > 0 ? `${codes[0]}: ${text}` : text;
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMED_OUT = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * Classifies a network error. A peer that closes the socket mid-body is `truncated-body` (the answer
 * is incomplete); a reset (RST) or a close before any response is `connection-reset`.
 */
export function classifyNetworkError(error: unknown, context: FailureContext): ClassifiedFailure {
  const codes = collectCodes(error);
  const message = describe(error, codes);
  const has = (set: Set<string>) => codes.some((code) => set.has(code));
  const text = error instanceof Error ? error.message : '';
  if (has(TIMED_OUT)) return { reason: 'timeout', message };
  if (has(REFUSED)) return { reason: 'connection-refused', message };
  if (codes.includes('UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) return { reason: 'truncated-body', message };
  if (codes.includes('ECONNRESET') || codes.includes('EPIPE')) return { reason: 'connection-reset', message };
  // zlib, decoding a compressed body: cut short (Z_BUF_ERROR) or corrupt. Either way the answer the
  // target sent cannot be read whole; no reason is closer than a truncated body.
  if (codes.some((code) => /^Z_[A-Z_]+$/.test(code)))
    return { reason: 'truncated-body', message: `compressed body could not be decoded: ${message}` };
  const closed = codes.includes('UND_ERR_SOCKET') || /other side closed|socket hang up/i.test(text);
  if (closed) {
    const short = context.contentLength !== null && context.bytesReceived < context.contentLength;
    return { reason: context.inBody || short ? 'truncated-body' : 'connection-reset', message };
  }
  if (
    codes.some((code) => code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))
  ) {
    // No TLS-specific reason exists; the connection could not be established.
    return { reason: 'connection-refused', message };
  }
  return { reason: 'internal-error', message };
}
