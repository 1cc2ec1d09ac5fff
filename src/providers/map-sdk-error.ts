/** @module What an SDK call threw, as plain data: class name, status, body excerpt, whether fields are typed. */
import type { SdkFailure } from './sdk-driver.ts';

export const SDK_BODY_EXCERPT_CHARS = 500;

interface ErrorFields {
  message?: unknown;
  statusCode?: unknown;
  body?: unknown;
  headers?: unknown;
}

export function mapSdkError(error: unknown, durationMs: number): SdkFailure {
  const fields: ErrorFields = error !== null && typeof error === 'object' ? error : {};
  const errorClass =
    error !== null && typeof error === 'object' ? (error.constructor?.name ?? 'Object') : typeof error;
  const statusCode = typeof fields.statusCode === 'number' ? fields.statusCode : null;
  const body = typeof fields.body === 'string' ? fields.body : '';
  const hasHeaders = fields.headers !== null && typeof fields.headers === 'object';
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  return {
    ok: false,
    errorClass,
    statusCode,
    message,
    bodyExcerpt: body.slice(0, SDK_BODY_EXCERPT_CHARS),
    hasTypedFields: statusCode !== null && typeof fields.body === 'string' && hasHeaders,
    durationMs,
  };
}
