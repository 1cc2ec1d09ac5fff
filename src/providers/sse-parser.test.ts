import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SseEvent } from './provider.ts';
import { createSseParser } from './sse-parser.ts';

interface RecordedItem {
  kind: string;
  source: string;
  body: unknown;
}

interface RecordedStream {
  source: string;
  body: string;
}

const recordedItems: RecordedItem[] = JSON.parse(
  readFileSync(new URL('./__fixtures__/mistral-real-streams.json', import.meta.url), 'utf8'),
);
/** The complete recorded SSE bodies (other items are JSON bodies or data-line excerpts). */
const recorded: RecordedStream[] = recordedItems.flatMap((item) =>
  item.kind === 'sse' && typeof item.body === 'string' ? [{ source: item.source, body: item.body }] : [],
);
const encoder = new TextEncoder();
/**
 * Under Stryker (vitest.mutate.config.ts) the split-everywhere test is quadratic on instrumented
 * code; it then splits only the first events' bytes, which still hold every kind of boundary.
 */
const SPLIT_BYTES = process.env.AGENTSCORE_MUTATION === '1' ? 600 : Number.POSITIVE_INFINITY;

/** The events a recorded body holds, read naively (it uses LF framing throughout). */
function expectedData(body: string): string[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length))
    .filter((data) => data !== '[DONE]');
}

function parseChunks(chunks: Uint8Array[]) {
  const parser = createSseParser();
  const events: SseEvent[] = [];
  chunks.forEach((chunk, index) => {
    events.push(...parser.push(chunk, index));
  });
  events.push(...parser.end(chunks.length));
  return { events, parser };
}

describe('createSseParser on recorded Mistral streams', () => {
  it('holds multi-byte characters, so the split tests cover them', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    expect(recorded.some((stream) => /[^\u0000-\u007f]/.test(stream.body))).toBe(true);
  });

  for (const stream of recorded) {
    const bytes = encoder.encode(stream.body);
    const expected = expectedData(stream.body);

    it(`reads ${stream.source.split('@')[0]} whole`, () => {
      const { events, parser } = parseChunks([bytes]);
      expect(events.map((event) => event.data)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(1);
      for (const data of expected) expect(() => JSON.parse(data)).not.toThrow();
      expect(parser.done).toBe(true);
      expect(parser.error).toBeUndefined();
    });

    it(`gives the same events when split at every byte boundary (${bytes.length} bytes)`, () => {
      for (let cut = 1; cut < Math.min(bytes.length, SPLIT_BYTES); cut++) {
        const { events, parser } = parseChunks([bytes.subarray(0, cut), bytes.subarray(cut)]);
        const data = events.map((event) => event.data);
        if (data.length !== expected.length || data.some((value, index) => value !== expected[index])) {
          expect.fail(`split at byte ${cut} changed the events`);
        }
        if (!parser.done || parser.error) expect.fail(`split at byte ${cut} lost [DONE]`);
      }
    });

    it('gives the same events fed one byte at a time, with CRLF and with CR line ends', () => {
      for (const lineEnd of ['\n', '\r\n', '\r']) {
        const body = encoder.encode(stream.body.replaceAll('\n', lineEnd));
        const chunks = Array.from(body, (_, index) => body.subarray(index, index + 1));
        const { events, parser } = parseChunks(chunks);
        expect(events.map((event) => event.data)).toEqual(expected);
        expect(parser.done).toBe(true);
      }
    });
  }
});

describe('createSseParser framing rules', () => {
  const parse = (text: string) => parseChunks([encoder.encode(text)]);

  it('joins data lines with LF, reads event types and skips comments', () => {
    const { events } = parse(': keep-alive\nevent: delta\ndata: a\ndata:b\ndata\n\ndata: c\n\n');
    expect(events).toEqual([
      { data: 'a\nb\n', event: 'delta', atMs: 0 },
      { data: 'c', atMs: 0 },
    ]);
  });

  it('dispatches nothing for a blank line without data, even after an event type', () => {
    const { events, parser } = parse('\n\nevent: ping\n\n: comment\n\ndata: a\n\n\n');
    expect(events).toEqual([{ data: 'a', atMs: 0 }]);
    expect(parser.error).toBeUndefined();
  });

  it('ignores pushes and the end once the stream is broken', () => {
    const parser = createSseParser({ maxEventBytes: 16 });
    expect(parser.push(encoder.encode(`data: ${'x'.repeat(40)}`), 1)).toEqual([]);
    expect(parser.error?.reason).toBe('body-too-large');
    expect(parser.push(encoder.encode('\n\ndata: y\n\n'), 2)).toEqual([]);
    expect(parser.end(3)).toEqual([]);
    expect(parser.error?.reason).toBe('body-too-large');
  });

  it('keeps only data and event fields: id, retry and unknown fields set no event type', () => {
    const { events } = parse('id: 5\nretry: 10\nfoo: bar\ndata: a\n\nevent: delta\ndata: b\n\n');
    expect(events).toStrictEqual([
      { data: 'a', atMs: 0 },
      { data: 'b', event: 'delta', atMs: 0 },
    ]);
  });

  it('keeps the time of the first [DONE]', () => {
    const parser = createSseParser();
    parser.push(encoder.encode('data: [DONE]\n\n'), 7);
    parser.push(encoder.encode('data: [DONE]\n\n'), 9);
    expect(parser.done).toBe(true);
    expect(parser.doneAtMs).toBe(7);
  });

  it('counts an event in UTF-8 bytes, newlines between data lines included', () => {
    const oneLine = createSseParser({ maxEventBytes: 28 });
    oneLine.push(encoder.encode(`data: ${'€'.repeat(10)}\n`), 1);
    expect(oneLine.error).toEqual({ reason: 'body-too-large', message: 'SSE event larger than 28 bytes' });
    const twoLines = `data: ${'€'.repeat(5)}\ndata: ${'€'.repeat(5)}\n`;
    const over = createSseParser({ maxEventBytes: 30 });
    over.push(encoder.encode(twoLines), 1);
    expect(over.error?.reason).toBe('body-too-large');
    const exact = createSseParser({ maxEventBytes: 31 });
    expect(exact.push(encoder.encode(twoLines), 1)).toEqual([]);
    expect(exact.error).toBeUndefined();
    expect(exact.push(encoder.encode('\n'), 2)).toEqual([
      { data: `${'€'.repeat(5)}\n${'€'.repeat(5)}`, atMs: 2 },
    ]);
  });

  it('reads CRLF and lone CR line ends inside one read', () => {
    expect(parse('data: a\r\ndata: b\r\n\r\ndata: c\rdata: d\r\r').events).toEqual([
      { data: 'a\nb', atMs: 0 },
      { data: 'c\nd', atMs: 0 },
    ]);
  });

  it('calls a stream that ends after a data line but before its blank line cut, unless it is [DONE]', () => {
    const cut = parse('data: x\n');
    expect(cut.events).toEqual([]);
    expect(cut.parser.error).toEqual({
      reason: 'invalid-sse',
      message: 'stream ended in the middle of an event',
    });
    const done = parse('data: [DONE]\n');
    expect(done.parser.done).toBe(true);
    expect(done.parser.error).toBeUndefined();
    // [DONE] split over two data lines is not the marker.
    const split = parse('data: [DO\ndata: NE]');
    expect(split.parser.done).toBe(false);
    expect(split.parser.error?.reason).toBe('invalid-sse');
  });

  it('keeps the size error when the final flush of a cut character overflows the event', () => {
    const parser = createSseParser({ maxEventBytes: 16 });
    const bytes = encoder.encode('data: xxxxxxxx€');
    expect(parser.push(bytes.subarray(0, bytes.length - 2), 1)).toEqual([]);
    expect(parser.error).toBeUndefined();
    expect(parser.end(2)).toEqual([]);
    expect(parser.error?.reason).toBe('body-too-large');
  });

  it('stamps each event with the time of the read that completed it', () => {
    const parser = createSseParser();
    expect(parser.push(encoder.encode('data: one\n'), 5)).toEqual([]);
    expect(parser.push(encoder.encode('\ndata: two\n\n'), 120)).toEqual([
      { data: 'one', atMs: 120 },
      { data: 'two', atMs: 120 },
    ]);
    parser.push(encoder.encode('data: [DONE]\n\n'), 130);
    expect(parser.doneAtMs).toBe(130);
  });

  it('does not treat a CR at the end of a read and an LF opening the next as two line ends', () => {
    const parser = createSseParser();
    const events = [
      ...parser.push(encoder.encode('data: a\r'), 1),
      ...parser.push(encoder.encode('\ndata: b\r\n\r\n'), 2),
    ];
    expect(events).toEqual([{ data: 'a\nb', atMs: 2 }]);
  });

  it('flags a stream cut in the middle of an event and keeps earlier events', () => {
    const { events, parser } = parse('data: {"a":1}\n\ndata: {"b":');
    expect(events.map((event) => event.data)).toEqual(['{"a":1}']);
    expect(parser.error?.reason).toBe('invalid-sse');
    expect(parser.done).toBe(false);
  });

  it('accepts [DONE] without its closing blank line', () => {
    const { parser } = parse('data: {"a":1}\n\ndata: [DONE]');
    expect(parser.done).toBe(true);
    expect(parser.error).toBeUndefined();
  });

  it('reports a stream without [DONE] as not done but not broken', () => {
    const { events, parser } = parse('data: x\n\n');
    expect(events).toHaveLength(1);
    expect(parser.done).toBe(false);
    expect(parser.error).toBeUndefined();
  });

  it('stops with body-too-large when one event passes the limit', () => {
    const parser = createSseParser({ maxEventBytes: 1000 });
    parser.push(encoder.encode(`data: ${'x'.repeat(600)}\n`), 1);
    expect(parser.error).toBeUndefined();
    parser.push(encoder.encode(`data: ${'é'.repeat(300)}`), 2);
    expect(parser.error?.reason).toBe('body-too-large');
    expect(parser.push(encoder.encode('\n\n'), 3)).toEqual([]);
  });

  it('counts the limit per event, not per stream', () => {
    const parser = createSseParser({ maxEventBytes: 100 });
    for (let index = 0; index < 50; index++)
      parser.push(encoder.encode(`data: ${'y'.repeat(60)}\n\n`), index);
    expect(parser.error).toBeUndefined();
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    const parser = createSseParser();
    const events = parser.push(new Uint8Array([...encoder.encode('data: a'), 0xff, 10, 10]), 1);
    expect(events).toEqual([{ data: 'a\ufffd', atMs: 1 }]);
  });
});
