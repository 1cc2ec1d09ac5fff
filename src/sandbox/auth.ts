/** @module sandbox/auth — authentication by the configured scheme (RFC 7235: the bearer scheme name is case-insensitive). */
import type { IncomingMessage } from 'node:http';

/**
 * How the sandbox expects the key, so it can imitate providers that are not bearer-only:
 * Azure's `api-key` header, a proxy's `x-api-key`, a `?key=` parameter, or none at all.
 */
export type SandboxAuth =
  | { scheme: 'bearer' }
  | { scheme: 'header'; name: string }
  | { scheme: 'query'; param: string }
  | { scheme: 'none' };

/** Parses `bearer`, `header:NAME`, `query:PARAM` or `none` (the `--auth-scheme` flag). */
export function parseSandboxAuth(text: string): SandboxAuth | null {
  if (text === 'bearer' || text === 'none') return { scheme: text };
  const [scheme, name] = text.split(':', 2);
  if (!name || !/^[A-Za-z0-9_.-]+$/.test(name)) return null;
  if (scheme === 'header') return { scheme, name: name.toLowerCase() };
  if (scheme === 'query') return { scheme, param: name };
  return null;
}

/**
 * Returns the key of a well-formed `Authorization: Bearer <key>` header, else null.
 * Basic credentials, `x-api-key` and `?api_key=` never authenticate a bearer sandbox.
 */
export function bearerKey(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^bearer +([\x21-\x7e]+) *$/i.exec(authorization);
  return match?.[1] ?? null;
}

function presentedKey(request: IncomingMessage, url: URL, auth: SandboxAuth): string | null {
  switch (auth.scheme) {
    case 'bearer':
      return bearerKey(request.headers.authorization);
    case 'header': {
      const value = request.headers[auth.name];
      return typeof value === 'string' ? value.trim() : null;
    }
    case 'query':
      return url.searchParams.get(auth.param);
    case 'none':
      return null;
  }
}

/** The key the request authenticated with, `anonymous` for scheme none, or null when it must be answered 401. */
export function authenticate(
  request: IncomingMessage,
  url: URL,
  auth: SandboxAuth,
  apiKeys: ReadonlySet<string>,
): string | null {
  if (auth.scheme === 'none') return 'anonymous';
  const key = presentedKey(request, url, auth);
  return key !== null && apiKeys.has(key) ? key : null;
}
