/** @module sandbox/multipart.test — multipart parsing of what real clients send. */
import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from './multipart.ts';

describe('parseMultipart', () => {
  it('parses the body fetch/undici produce for FormData with a file and a field', async () => {
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append(
      'file',
      new Blob([Buffer.from([0, 1, 2, 13, 10, 45, 45])], { type: 'application/jsonl' }),
      'my data.jsonl',
    );
    const request = new Request('http://x.invalid', { method: 'POST', body: form });
    const boundary = multipartBoundary(request.headers.get('content-type') ?? undefined);
    expect(boundary).not.toBeNull();
    const parts = parseMultipart(Buffer.from(await request.arrayBuffer()), boundary ?? '');
    expect(parts?.map((part) => part.name)).toEqual(['purpose', 'file']);
    expect(parts?.[0]?.data.toString()).toBe('batch');
    expect(parts?.[1]?.filename).toBe('my data.jsonl');
    expect(parts?.[1]?.contentType).toBe('application/jsonl');
    expect([...(parts?.[1]?.data ?? [])]).toEqual([0, 1, 2, 13, 10, 45, 45]);
  });

  it('returns null for bodies that are not multipart', () => {
    expect(multipartBoundary('application/json')).toBeNull();
    expect(parseMultipart(Buffer.from('hello'), 'xyz')).toBeNull();
  });
});
