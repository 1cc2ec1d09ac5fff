/** @module sandbox/json-body — JSON request bodies parsed into pydantic-style outcomes. */
import type { ValidationDetail } from './error-bodies.ts';

export type JsonBodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; detail: ValidationDetail };

/** Parses a request body the way FastAPI reports problems: missing, json_invalid, or not an object. */
export function parseJsonBody(raw: string): JsonBodyResult {
  if (raw.trim() === '') {
    return { ok: false, detail: { type: 'missing', loc: ['body'], msg: 'Field required', input: null } };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const reason = (error as Error).message;
    const position = Number(/position (\d+)/.exec(reason)?.[1] ?? raw.length);
    return {
      ok: false,
      detail: {
        type: 'json_invalid',
        loc: ['body', position],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: reason.replace(/ in JSON at position \d+.*$/, '') },
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      detail: {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: value,
      },
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
