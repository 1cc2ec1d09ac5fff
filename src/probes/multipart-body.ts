/** @module multipart/form-data built by hand, so the exact bytes on the wire are ours (and recorded). */
import { randomBytes } from 'node:crypto';

export interface MultipartField {
  name: string;
  value: string;
  /** Set for file parts. */
  filename?: string;
  contentType?: string;
}

export interface MultipartBody {
  body: Uint8Array;
  contentType: string;
}

function quoted(value: string): string {
  return `"${value.replace(/["\\\r\n]/g, (character) => encodeURIComponent(character))}"`;
}

export function multipartBody(
  fields: MultipartField[],
  boundary = `agentscore-${randomBytes(12).toString('hex')}`,
): MultipartBody {
  const parts = fields.map((field) => {
    const disposition = `form-data; name=${quoted(field.name)}${field.filename === undefined ? '' : `; filename=${quoted(field.filename)}`}`;
    const headers = [`Content-Disposition: ${disposition}`];
    if (field.contentType) headers.push(`Content-Type: ${field.contentType}`);
    return `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${field.value}\r\n`;
  });
  const text = `${parts.join('')}--${boundary}--\r\n`;
  return { body: new TextEncoder().encode(text), contentType: `multipart/form-data; boundary=${boundary}` };
}
