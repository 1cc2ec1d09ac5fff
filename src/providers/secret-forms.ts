/**
 * @module The encodings of an API key that can leak: as sent, percent-encoded, JSON-escaped, and base64
 * and base64url at every byte alignment (as Basic auth sends it behind a user name of any length).
 */

/** base64 of `KEY:`, the value behind `Authorization: Basic` with the key as user name and no password. */
export function basicAuthBase64(key: string): string {
  return Buffer.from(`${key}:`, 'utf8').toString('base64');
}

/** One way the key can appear in text, and how to tell which part of the key a slice of it carries. */
export interface SecretEncoding {
  text: string;
  /** The characters of the key that `text.slice(start, end)` carries (to judge a fragment's randomness). */
  keyText(start: number, end: number): string;
}

function verbatim(text: string): SecretEncoding {
  return { text, keyText: (start, end) => text.slice(start, end) };
}

/** Percent- or JSON-escaped text: escapes cut at the ends of a slice are dropped, whole ones decoded. */
function escaped(text: string, decode: (slice: string) => string): SecretEncoding {
  return { text, keyText: (start, end) => decode(text.slice(start, end)) };
}

/** A leading escape cut in half reads as two key characters: close enough to judge randomness. */
function percentDecode(slice: string): string {
  const whole = slice.replace(/%[0-9A-Fa-f]?$/, '');
  try {
    return decodeURIComponent(whole);
  } catch {
    return whole.replace(/%[0-9A-Fa-f]{2}/g, '');
  }
}

function jsonUnescape(slice: string): string {
  return slice
    .replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["\\/])/g, '$1')
    .replace(/\\[nrtbf]/g, ' ');
}

/**
 * base64 of `prefix + key + suffix`: a slice of `count` characters carries whole bytes from
 * ceil(start·6/8) to floor(end·6/8); only those inside the key count.
 */
function base64Encoding(key: string, prefix: string, suffix: string, url: boolean): SecretEncoding {
  const bytes = Buffer.from(`${prefix}${key}${suffix}`, 'utf8');
  const keyStart = Buffer.byteLength(prefix);
  const keyEnd = keyStart + Buffer.byteLength(key);
  return {
    text: bytes.toString(url ? 'base64url' : 'base64'),
    keyText: (start, end) => {
      const from = Math.max(keyStart, Math.ceil((start * 6) / 8));
      const to = Math.min(keyEnd, Math.floor((end * 6) / 8));
      return to > from ? bytes.subarray(from, to).toString('utf8') : '';
    },
  };
}

/**
 * The key and every encoded form of it that a request, URL, body or log line may carry. base64 is
 * given at all three byte alignments (`KEY`, `:KEY`, `::KEY`, i.e. behind a user name of any
 * length), each also with the `:` that follows a user name, in both alphabets.
 */
export function secretEncodings(key: string): SecretEncoding[] {
  if (key === '') return [];
  const encodings: SecretEncoding[] = [verbatim(key)];
  encodings.push(escaped(encodeURIComponent(key), percentDecode));
  encodings.push(
    escaped(encodeURIComponent(key).replace(/%20/g, '+'), (slice) =>
      percentDecode(slice.replace(/\+/g, '%20')),
    ),
  );
  encodings.push(escaped(JSON.stringify(key).slice(1, -1), jsonUnescape));
  encodings.push(escaped(JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/'), jsonUnescape));
  const asciiJson = JSON.stringify(key)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  encodings.push(escaped(asciiJson, jsonUnescape));
  for (const prefix of ['', ':', '::']) {
    for (const suffix of ['', ':']) {
      encodings.push(base64Encoding(key, prefix, suffix, false), base64Encoding(key, prefix, suffix, true));
    }
  }
  const seen = new Set<string>();
  return encodings.filter((encoding) => !seen.has(encoding.text) && seen.add(encoding.text));
}

/** The texts of `secretEncodings`: what a provider reports as its secrets. */
export function secretForms(key: string): string[] {
  return secretEncodings(key).map((encoding) => encoding.text);
}
