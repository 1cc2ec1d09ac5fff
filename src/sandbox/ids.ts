/** @module sandbox/ids — identifiers in the formats the real API uses. */
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** 32 lowercase hex characters, like chat completion ids and `request_id`. */
export function hex32(): string {
  return randomBytes(16).toString('hex');
}

/** A UUID v7-shaped string (time-ordered), like `mistral-correlation-id`. */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A tool call id: exactly 9 characters of [a-zA-Z0-9], as Mistral requires. */
export function toolCallId(): string {
  const bytes = randomBytes(9);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

export const TOOL_CALL_ID_PATTERN = /^[a-zA-Z0-9]{9}$/;

export function fileId(): string {
  return randomUUID();
}
