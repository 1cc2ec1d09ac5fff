/** @module sandbox/router — the request pipeline: ids, path faults, routing, auth, rate limit, periodic 5xx, handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.ts';
import { handleChatCompletions } from './chat-completions.ts';
import { handleEmbeddings } from './embeddings.ts';
import { detailError, rateLimited, unauthorized } from './error-bodies.ts';
import { deleteFile, getFile, getFileContent, listFiles, uploadFile } from './files.ts';
import { uuidV7 } from './ids.ts';
import { handleMcp } from './mcp/handle-mcp.ts';
import { getModel, listModels } from './models.ts';
import { applyPathFault, findPathFault } from './path-faults.ts';
import type { SandboxProfile } from './profile.ts';
import { type RequestContext, readBody, type SandboxState, sendError, sendText } from './request-context.ts';
import { countTokens } from './tokenizer.ts';

type Handler = (context: RequestContext, id: string) => void | Promise<void>;

interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** The route exists only when the profile serves it (404 otherwise). */
  servedWhen?: (profile: SandboxProfile) => boolean;
}

const ROUTES: Route[] = [
  { pattern: /^\/v1\/models$/, methods: { GET: listModels } },
  { pattern: /^\/v1\/models\/([^/]+)$/, methods: { GET: getModel } },
  { pattern: /^\/v1\/chat\/completions$/, methods: { POST: handleChatCompletions } },
  { pattern: /^\/v1\/embeddings$/, methods: { POST: handleEmbeddings } },
  { pattern: /^\/v1\/files$/, methods: { GET: listFiles, POST: uploadFile } },
  { pattern: /^\/v1\/files\/([^/]+)$/, methods: { GET: getFile, DELETE: deleteFile } },
  { pattern: /^\/v1\/files\/([^/]+)\/content$/, methods: { GET: getFileContent } },
  { pattern: /^\/mcp$/, methods: { POST: handleMcp }, servedWhen: (profile) => profile.mcp.enabled },
];

type RouteMatch =
  | { kind: 'found'; handler: Handler; id: string }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

function matchRoute(profile: SandboxProfile, method: string, path: string): RouteMatch {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null || route.servedWhen?.(profile) === false) continue;
    const handler = route.methods[method];
    if (handler === undefined) return { kind: 'method-not-allowed', allow: Object.keys(route.methods) };
    let id = match[1] ?? '';
    try {
      id = decodeURIComponent(id);
    } catch {
      // Keep the raw segment; it will simply not be found.
    }
    return { kind: 'found', handler, id };
  }
  return { kind: 'not-found' };
}

/**
 * The route path for a request path: the API lives under `basePath` (default `/v1`) and routes are
 * written as `/v1/...`; anything outside the base path (but `/mcp`) is not found.
 */
function routePath(basePath: string, path: string): string {
  if (basePath === '/v1' || path === '/mcp') return path;
  return path.startsWith(`${basePath}/`) ? `/v1${path.slice(basePath.length)}` : '/not-found';
}

function answerPreflight(context: RequestContext): void {
  context.response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, mcp-session-id, mcp-protocol-version',
    'access-control-max-age': '600',
  });
  context.response.end();
}

/** Auth then rate limit; returns false when a 401/429 was sent. */
function admit(context: RequestContext): boolean {
  const { profile, state, request } = context;
  let key: string | null = 'anonymous';
  if (!profile.faults.authDisabled) {
    key = authenticate(request, context.url, state.auth, state.apiKeys);
    if (key === null) {
      sendError(context, unauthorized(profile.auth.unauthorizedBody, context.requestId.replace(/-/g, '')));
      return false;
    }
  }
  const isJson = /json/i.test(request.headers['content-type'] ?? '');
  const decision = state.rateLimiter.take(
    key,
    isJson && context.rawBody !== null ? countTokens(context.rawBody) : 0,
  );
  const { rateLimit } = profile;
  if (rateLimit.headers)
    for (const [name, value] of Object.entries(decision.headers)) context.response.setHeader(name, value);
  if (decision.allowed) return true;
  if (rateLimit.retryAfter) context.response.setHeader('retry-after', String(decision.retryAfterSeconds));
  if (rateLimit.jsonBody) sendError(context, rateLimited());
  else sendText(context, 429, 'Too Many Requests', 'text/plain; charset=utf-8');
  return false;
}

/** Deterministic periodic server errors: the n-th handled request fails when n is a multiple of a rule's `every`. */
function periodicServerError(context: RequestContext): number | null {
  const { state, profile } = context;
  state.handledRequests += 1;
  const rule = profile.faults.serverErrors.find((candidate) => state.handledRequests % candidate.every === 0);
  return rule?.status ?? null;
}

async function handle(
  state: SandboxState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { profile } = state;
  const context: RequestContext = {
    request,
    response,
    state,
    profile,
    url: new URL(request.url ?? '/', 'http://sandbox.invalid'),
    method: request.method ?? 'GET',
    requestId: uuidV7(),
    startedAt: performance.now(),
    body: Buffer.alloc(0),
    rawBody: null,
  };
  if (!profile.faults.omitRequestIdHeaders) {
    response.setHeader('mistral-correlation-id', context.requestId);
    response.setHeader('x-kong-request-id', context.requestId);
  }
  response.setHeader('access-control-allow-origin', '*');
  if (profile.faults.echoKeyEverywhere)
    response.setHeader('x-echoed-authorization', request.headers.authorization ?? '');

  const pathFault = findPathFault(profile.faults.pathFaults, context.method, context.url.pathname);
  if (pathFault !== undefined && (await applyPathFault(context, pathFault))) return;

  const body = await readBody(context);
  if (body === null) {
    response.setHeader('connection', 'close');
    sendError(context, detailError(413));
    return;
  }
  context.body = body;
  context.rawBody = body.toString('utf8');

  if (context.method === 'OPTIONS') {
    answerPreflight(context);
    return;
  }
  const route = matchRoute(profile, context.method, routePath(state.basePath, context.url.pathname));
  if (route.kind === 'not-found') {
    sendError(context, detailError(404));
    return;
  }
  if (route.kind === 'method-not-allowed') {
    response.setHeader('allow', route.allow.join(', '));
    sendError(context, detailError(405));
    return;
  }
  if (!admit(context)) return;
  const failure = periodicServerError(context);
  if (failure !== null) {
    sendError(context, detailError(failure));
    return;
  }
  await route.handler(context, route.id);
}

/** The node:http request listener for one sandbox; never lets a handler error crash the server. */
export function createRequestHandler(
  state: SandboxState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(state, request, response).catch(() => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ detail: 'Internal Server Error' }));
      } else {
        response.destroy();
      }
    });
  };
}
