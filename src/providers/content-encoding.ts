/**
 * @module Undoes a `content-encoding` the server applied. We never send `accept-encoding`, so a
 * server should answer uncompressed, but some (CDNs, proxies) compress anyway; an agent's HTTP client
 * (fetch, the SDKs) would decode that body, so we do too rather than judge gzip bytes as bad JSON.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, constants as zlib } from 'node:zlib';

export interface DecodedBody {
  body: AsyncIterable<Uint8Array>;
  /** Bytes as they came over the wire; absent when nothing was decoded (the body is the wire). */
  wireBytes?: () => number;
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | null {
  // Flushing on every write lets an SSE stream's events through as they arrive, not at the end; the
  // default finish still fails a stream cut short (Z_BUF_ERROR, unexpected end of file).
  const flush = { flush: zlib.Z_SYNC_FLUSH };
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip(flush);
  if (encoding === 'deflate') return createInflate(flush);
  if (encoding === 'br') return createBrotliDecompress({ flush: zlib.BROTLI_OPERATION_FLUSH });
  return null;
}

/** The body to read: decoded for gzip, deflate and br; as it came for identity or anything unknown. */
export function decodeContentEncoding(body: Readable, contentEncoding: string | undefined): DecodedBody {
  const encoding = contentEncoding?.trim().toLowerCase();
  const decoder = encoding ? decoderFor(encoding) : null;
  if (!decoder) return { body };
  let wireBytes = 0;
  body.on('data', (chunk: Uint8Array) => {
    wireBytes += chunk.byteLength;
  });
  // A broken wire stream errors the decoder, so the reader sees the failure as it would unencoded.
  pipeline(body, decoder, () => {});
  return { body: decoder as unknown as AsyncIterable<Uint8Array>, wireBytes: () => wireBytes };
}
