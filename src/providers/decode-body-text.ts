/** @module Body bytes to text: UTF-8 with replacement characters, noting whether any were needed. */

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

export function concatChunks(chunks: Uint8Array[], totalBytes: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === totalBytes) return chunks[0]!;
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, totalBytes - offset), offset);
    offset += Math.min(chunk.byteLength, totalBytes - offset);
    if (offset >= totalBytes) break;
  }
  return bytes;
}

/**
 * Decodes UTF-8. `cutAtLimit` says the bytes were cut at an arbitrary point, so an incomplete character
 * at the very end is the cut's doing, not the server's, and does not count as invalid.
 */
export function decodeBodyText(
  bytes: Uint8Array,
  cutAtLimit = false,
): { text: string; invalidUtf8: boolean } {
  try {
    return { text: strictDecoder.decode(bytes), invalidUtf8: false };
  } catch {
    if (cutAtLimit) {
      for (let trim = 1; trim <= 3 && trim <= bytes.byteLength; trim++) {
        try {
          const text = strictDecoder.decode(bytes.subarray(0, bytes.byteLength - trim));
          return { text, invalidUtf8: false };
        } catch {
          // keep trimming: up to three bytes of one split character
        }
      }
    }
    return { text: lenientDecoder.decode(bytes), invalidUtf8: true };
  }
}
