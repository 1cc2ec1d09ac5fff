/** @module Incremental server-sent-events parser (WHATWG rules) that survives events and UTF-8 characters split across reads. */
import type { SseEvent } from './provider.ts';

export const DEFAULT_MAX_SSE_EVENT_BYTES = 1024 * 1024;

export interface SseParserOptions {
  /** Largest event (its field lines, in UTF-8 bytes) accepted; beyond it the parser stops with `body-too-large`. */
  maxEventBytes?: number;
}

export interface SseParseError {
  reason: 'invalid-sse' | 'body-too-large';
  message: string;
}

export interface SseParser {
  /** Feeds one read; returns the events completed by it, stamped with `atMs`. */
  push(chunk: Uint8Array, atMs: number): SseEvent[];
  /** Ends the stream; returns a final event only in the lenient `[DONE]`-without-blank-line case. */
  end(atMs: number): SseEvent[];
  /** true once an event whose data is exactly `[DONE]` arrived. `[DONE]` itself is not reported as an event. */
  readonly done: boolean;
  /** Milliseconds since request start when `[DONE]` arrived. */
  readonly doneAtMs: number | undefined;
  /** Set when the stream is unusable (event too large, or it ended mid-event); later pushes are ignored. */
  readonly error: SseParseError | undefined;
}

const LF = 10;
const CR = 13;
const DONE_MARKER = '[DONE]';

/** Creates a parser; feed it raw bytes as they arrive. */
export function createSseParser(options: SseParserOptions = {}): SseParser {
  const maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_SSE_EVENT_BYTES;
  const decoder = new TextDecoder('utf-8');
  let partialLine = '';
  let dataLines: string[] = [];
  let dataChars = 0;
  let eventType: string | undefined;
  /** A CR ended the previous read: an LF opening the next one belongs to it. */
  let pendingCr = false;
  let done = false;
  let doneAtMs: number | undefined;
  let error: SseParseError | undefined;

  function dispatch(atMs: number, events: SseEvent[]): void {
    if (dataLines.length > 0) {
      const data = dataLines.join('\n');
      if (data === DONE_MARKER) {
        if (!done) doneAtMs = atMs;
        done = true;
      } else {
        events.push(eventType === undefined ? { data, atMs } : { data, event: eventType, atMs });
      }
    }
    dataLines = [];
    dataChars = 0;
    eventType = undefined;
  }

  function processLine(line: string, atMs: number, events: SseEvent[]): void {
    if (line === '') {
      dispatch(atMs, events);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      dataLines.push(value);
      dataChars += value.length + 1;
    } else if (field === 'event') {
      eventType = value;
    }
    // `id` and `retry` only steer reconnection, which a probe never does; unknown fields are ignored.
  }

  function checkSize(): void {
    const pendingChars = partialLine.length + dataChars;
    // A UTF-16 unit is at most 3 UTF-8 bytes, so the exact count is only needed near the limit.
    if (pendingChars * 3 <= maxEventBytes) return;
    const pendingBytes = Buffer.byteLength(partialLine) + Buffer.byteLength(dataLines.join('\n'));
    if (pendingBytes > maxEventBytes) {
      error = {
        reason: 'body-too-large',
        message: `SSE event larger than ${maxEventBytes} bytes`,
      };
    }
  }

  function consume(text: string, atMs: number): SseEvent[] {
    const events: SseEvent[] = [];
    let start = 0;
    if (pendingCr && text.charCodeAt(0) === LF) start = 1;
    pendingCr = false;
    for (let index = start; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code !== LF && code !== CR) continue;
      const line = partialLine + text.slice(start, index);
      partialLine = '';
      processLine(line, atMs, events);
      if (code === CR) {
        if (index + 1 === text.length) pendingCr = true;
        else if (text.charCodeAt(index + 1) === LF) index++;
      }
      start = index + 1;
    }
    partialLine += text.slice(start);
    checkSize();
    return events;
  }

  return {
    push(chunk, atMs) {
      if (error) return [];
      return consume(decoder.decode(chunk, { stream: true }), atMs);
    },
    end(atMs) {
      if (error) return [];
      const events = consume(decoder.decode(), atMs);
      if (error) return events;
      if (partialLine !== '') processLine(partialLine, atMs, []);
      partialLine = '';
      // Without data nothing would have been dispatched, so nothing was lost.
      if (dataLines.length === 0) return events;
      if (dataLines.join('\n') === DONE_MARKER) {
        // Servers that omit the blank line after `[DONE]` still ended the stream on purpose.
        dispatch(atMs, events);
      } else {
        error = { reason: 'invalid-sse', message: 'stream ended in the middle of an event' };
      }
      return events;
    },
    get done() {
      return done;
    },
    get doneAtMs() {
      return doneAtMs;
    },
    get error() {
      return error;
    },
  };
}
