/** @module sandbox/multipart — a small multipart/form-data parser (RFC 7578), enough for file uploads. */

export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary parameter of a multipart/form-data content type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (contentType === undefined || !/^multipart\/form-data/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function headerParameter(header: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(header);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? null : value.replace(/\\(.)/g, '$1');
}

function parsePart(raw: Buffer): MultipartPart | null {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) return null;
  const headers = raw.subarray(0, headerEnd).toString('utf8').split('\r\n');
  const disposition = headers.find((line) => /^content-disposition:/i.test(line));
  const type = headers.find((line) => /^content-type:/i.test(line));
  const name = disposition === undefined ? null : headerParameter(disposition, 'name');
  if (name === null || disposition === undefined) return null;
  return {
    name,
    filename: headerParameter(disposition, 'filename'),
    contentType: type === undefined ? null : type.slice(type.indexOf(':') + 1).trim(),
    data: raw.subarray(headerEnd + 4),
  };
}

/** Splits a body on `--boundary` delimiters; returns null when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), afterDelimiter);
    if (next < 0) return null;
    const part = parsePart(body.subarray(afterDelimiter + 2, next));
    if (part === null) return null;
    parts.push(part);
    start = next + 2;
  }
}
