/** @module sandbox/request-context — per-request state and the helpers that write responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxAuth } from './auth.ts';
import type { ErrorBody, HttpError } from './error-bodies.ts';
import type { FilesStore } from './files-store.ts';
import type { SandboxProfile } from './profile.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** State shared by all requests of one running sandbox. */
export interface SandboxState {
  profile: SandboxProfile;
  apiKeys: ReadonlySet<string>;
  /** How the key is expected (default bearer). */
  auth: SandboxAuth;
  /** Path prefix the API is served under (default `/v1`), e.g. `/openai/v1` to imitate a gateway. */
  basePath: string;
  files: FilesStore;
  rateLimiter: RateLimiter;
  /** Requests that reached the handlers (after auth and rate limiting); drives periodic server errors. */
  handledRequests: number;
  /** `Mcp-Session-Id`s handed out by the MCP endpoint's initialize. */
  mcpSessions: Set<string>;
}

export interface RequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  state: SandboxState;
  profile: SandboxProfile;
  url: URL;
  method: string;
  requestId: string;
  /** performance.now() when the request arrived; latency faults count from here. */
  startedAt: number;
  /** The body as received (empty for GET); `rawBody` is its UTF-8 text, also used by the leaky-error fault. */
  body: Buffer;
  rawBody: string | null;
}

/** The caller's Authorization header when the `echoKeyEverywhere` fault is on, else null. */
export function echoedKey(context: RequestContext): string | null {
  if (!context.profile.faults.echoKeyEverywhere) return null;
  return context.request.headers.authorization ?? '';
}

/** Adds the echoed key to an object body (arrays and primitives stay as they are). */
export function withEchoedKey(context: RequestContext, body: unknown): unknown {
  const key = echoedKey(context);
  if (key === null || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return { ...body, echoed_authorization: key };
}

export function sendJson(
  context: RequestContext,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const payload = JSON.stringify(withEchoedKey(context, body));
  context.response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(payload),
  });
  context.response.end(payload);
}

export function sendText(context: RequestContext, status: number, body: string, contentType: string): void {
  const key = echoedKey(context);
  const text = key === null ? body : `${body}\n(authorization: ${key})`;
  context.response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  context.response.end(text);
}

/** Adds what the leaky-error faults leak: the caller's credentials and the raw request input. */
function withLeaks(context: RequestContext, body: ErrorBody): ErrorBody | Record<string, unknown> {
  const { faults } = context.profile;
  if (!faults.echoCredentialsInErrors && !faults.echoInputInErrors) return body;
  const debug: Record<string, unknown> = {};
  if (faults.echoCredentialsInErrors) {
    debug.authorization = context.request.headers.authorization ?? null;
    debug.api_key = context.request.headers['x-api-key'] ?? context.url.searchParams.get('api_key');
  }
  if (faults.echoInputInErrors) debug.request_body = context.rawBody;
  return { ...body, debug };
}

export function sendError(context: RequestContext, error: HttpError): void {
  const contentType = 'request_id' in error.body ? 'application/json; charset=utf-8' : 'application/json';
  sendJson(context, error.status, withLeaks(context, error.body), contentType);
}

/** Reads the whole body, or returns null when it exceeds the profile's limit (the caller answers 413). */
export async function readBody(context: RequestContext): Promise<Buffer | null> {
  const limit = context.profile.limits.maxBodyBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
