/** @module sandbox/auth — bearer-key authentication (RFC 7235: the scheme name is case-insensitive). */

/**
 * Returns the key of a well-formed `Authorization: Bearer <key>` header, else null.
 * Basic credentials, `x-api-key` and `?api_key=` never authenticate.
 */
export function bearerKey(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^bearer +([\x21-\x7e]+) *$/i.exec(authorization);
  return match?.[1] ?? null;
}

/** The key the request authenticated with, or null when it must be answered 401. */
export function authenticate(authorization: string | undefined, apiKeys: ReadonlySet<string>): string | null {
  const key = bearerKey(authorization);
  return key !== null && apiKeys.has(key) ? key : null;
}
