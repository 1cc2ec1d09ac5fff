import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyEnvelope } from './classify-envelope.ts';

interface RecordedError {
  status: number | null;
  body: unknown;
  context: string;
}

const recorded = JSON.parse(
  readFileSync(new URL('../../fixtures/recorded/mistral-real-errors.json', import.meta.url), 'utf8'),
) as RecordedError[];

describe('classifyEnvelope on every recorded Mistral error body', () => {
  it('names a known shape for every structured body and unstructured for the rest', () => {
    const errors = recorded.filter((item) => item.status !== 200);
    const names = errors.map((item) => classifyEnvelope(item.body));
    expect(names.length).toBeGreaterThan(30);
    for (const [index, item] of errors.entries()) {
      const name = names[index];
      if (item.body === null) expect(name).toBe('empty');
      else if (typeof item.body === 'string')
        expect(['unstructured', 'pydantic-detail-list']).toContain(name);
      else expect(name, item.context).not.toBe('unstructured');
    }
  });

  it('tells the live families apart', () => {
    expect(
      classifyEnvelope({ message: 'Unauthorized', request_id: 'c61f2f15feca71626a990e3740f99245' }),
    ).toBe('gateway');
    expect(classifyEnvelope({ detail: 'Unauthorized' })).toBe('fastapi-detail');
    expect(
      classifyEnvelope({
        detail: [{ type: 'extra_forbidden', loc: ['body', 'store'], msg: 'Extra inputs are not permitted' }],
      }),
    ).toBe('pydantic-detail-list');
    expect(
      classifyEnvelope({
        object: 'error',
        message: 'Invalid model: ',
        type: 'invalid_model',
        param: null,
        code: '1500',
      }),
    ).toBe('openai-like');
    expect(classifyEnvelope({ error: { message: 'Content blocked by guardrail', status: 403 } })).toBe(
      'openai-nested',
    );
    expect(classifyEnvelope('<html><body>500 Internal Server Error</body></html>')).toBe('unstructured');
    expect(classifyEnvelope('')).toBe('empty');
  });

  it('parses a body that arrives as JSON text before naming its shape', () => {
    expect(classifyEnvelope('{"detail":"Unauthorized"}')).toBe('fastapi-detail');
    expect(classifyEnvelope(' {"error":{"message":"blocked"}}\n')).toBe('openai-nested');
    expect(classifyEnvelope(JSON.stringify({ object: 'error', message: 'x', type: 'invalid_request' }))).toBe(
      'openai-like',
    );
    // JSON that parses but matches no known shape, and text that does not parse.
    expect(classifyEnvelope('{"status":"error"}')).toBe('unstructured');
    expect(classifyEnvelope('[{"message":"x"}]')).toBe('unstructured');
    expect(classifyEnvelope('{"detail":"cut')).toBe('unstructured');
  });

  it('calls a missing body empty and a parsed value that fits no shape unstructured', () => {
    expect(classifyEnvelope(null)).toBe('empty');
    expect(classifyEnvelope(undefined)).toBe('empty');
    expect(classifyEnvelope({})).toBe('unstructured');
    expect(classifyEnvelope(0)).toBe('unstructured');
    expect(classifyEnvelope(false)).toBe('unstructured');
  });
});
