/** @module Reads a response body as it streams: byte limit, per-read timing, SSE events as they complete. */
import type { SseEvent } from './provider.ts';
import { createSseParser, type SseParser } from './sse-parser.ts';

export interface BodyReadOptions {
  maxBodyBytes: number;
  /** Feed the bytes to an SSE parser as they arrive. */
  sse: boolean;
  /** Milliseconds since request start, from a monotonic clock. */
  elapsedMs: () => number;
}

export interface BodyReadResult {
  /** Kept bytes (at most maxBodyBytes). */
  chunks: Uint8Array[];
  bytesKept: number;
  /** Bytes read from the wire, including any beyond the limit. */
  bytesReceived: number;
  tooLarge: boolean;
  /** What the body stream threw, if it did (abort, reset, premature close). */
  error?: unknown;
  sseParser?: SseParser;
  events: SseEvent[];
  endedAtMs: number;
}

export async function readResponseBody(
  body: AsyncIterable<Uint8Array>,
  options: BodyReadOptions,
): Promise<BodyReadResult> {
  const parser = options.sse ? createSseParser() : undefined;
  const result: BodyReadResult = {
    chunks: [],
    bytesKept: 0,
    bytesReceived: 0,
    tooLarge: false,
    sseParser: parser,
    events: [],
    endedAtMs: 0,
  };
  try {
    for await (const chunk of body) {
      const atMs = options.elapsedMs();
      result.bytesReceived += chunk.byteLength;
      const room = options.maxBodyBytes - result.bytesKept;
      const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      if (kept.byteLength > 0) {
        result.chunks.push(kept);
        result.bytesKept += kept.byteLength;
        if (parser) result.events.push(...parser.push(kept, atMs));
      }
      if (chunk.byteLength > room) {
        result.tooLarge = true;
        break;
      }
      // An event over the parser's limit makes the rest of the stream unreadable.
      if (parser?.error) break;
    }
  } catch (error) {
    result.error = error;
  }
  result.endedAtMs = options.elapsedMs();
  return result;
}
