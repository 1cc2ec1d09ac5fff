/** @module sandbox/mcp/handle-mcp — `POST /mcp`: a minimal Streamable-HTTP MCP server (JSON-RPC 2.0, single JSON answers). */
import { randomUUID } from 'node:crypto';
import { type RequestContext, sendJson, sendText } from '../request-context.ts';
import { callTool, listTools } from './mcp-tools.ts';

/** The protocol revision the sandbox speaks first; older clients may negotiate the previous one. */
export const MCP_PROTOCOL_VERSION = '2025-06-18';
const SUPPORTED_VERSIONS = [MCP_PROTOCOL_VERSION, '2025-03-26'];

/** JSON-RPC 2.0 error codes (and the SDKs' -32000 / -32001 for transport-level refusals). */
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const TRANSPORT_ERROR = -32000;
const SESSION_NOT_FOUND = -32001;

type RequestId = string | number | null;

/** What to send back; built by pure functions, written once by `handleMcp`. */
type McpAnswer =
  | { kind: 'json'; status: number; body: unknown; sessionId?: string }
  | { kind: 'accepted' }
  | { kind: 'text'; status: number; text: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rpcError(status: number, id: RequestId, code: number, message: string): McpAnswer {
  return { kind: 'json', status, body: { jsonrpc: '2.0', id, error: { code, message } } };
}

function rpcResult(id: RequestId, result: unknown): McpAnswer {
  return { kind: 'json', status: 200, body: { jsonrpc: '2.0', id, result } };
}

/** The transport's own refusals (Accept, Content-Type); null when the request may proceed. */
function transportRefusal(context: RequestContext): McpAnswer | null {
  const accept = (context.request.headers.accept ?? '').toLowerCase();
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    const message = 'Not Acceptable: the client must accept both application/json and text/event-stream';
    return rpcError(406, null, TRANSPORT_ERROR, message);
  }
  if (!/^application\/json\b/i.test(context.request.headers['content-type'] ?? '')) {
    return rpcError(415, null, TRANSPORT_ERROR, 'Unsupported Media Type: send application/json');
  }
  return null;
}

/** Requests after initialize carry a known session id and, when sent, a supported protocol version. */
function sessionRefusal(context: RequestContext, id: RequestId): McpAnswer | null {
  const sessionId = context.request.headers['mcp-session-id'];
  if (typeof sessionId !== 'string' || sessionId === '') {
    return rpcError(400, id, TRANSPORT_ERROR, 'Bad Request: Mcp-Session-Id header is required');
  }
  if (!context.state.mcpSessions.has(sessionId))
    return rpcError(404, id, SESSION_NOT_FOUND, 'Session not found');
  const version = context.request.headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_VERSIONS.includes(version)) {
    const supported = SUPPORTED_VERSIONS.join(', ');
    return rpcError(
      400,
      id,
      TRANSPORT_ERROR,
      `Bad Request: unsupported MCP-Protocol-Version ${version} (supported: ${supported})`,
    );
  }
  return null;
}

function initialize(context: RequestContext, id: RequestId, params: Record<string, unknown>): McpAnswer {
  const requested = params.protocolVersion;
  const protocolVersion =
    typeof requested === 'string' && SUPPORTED_VERSIONS.includes(requested)
      ? requested
      : MCP_PROTOCOL_VERSION;
  const sessionId = randomUUID();
  context.state.mcpSessions.add(sessionId);
  const result = {
    protocolVersion,
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: 'agentscore-sandbox', title: 'agentscore sandbox MCP server', version: '0.1.0' },
    instructions: 'Tools of the agentscore sandbox: get_weather and list_models.',
  };
  return { kind: 'json', status: 200, body: { jsonrpc: '2.0', id, result }, sessionId };
}

function toolsCall(context: RequestContext, id: RequestId, params: Record<string, unknown>): McpAnswer {
  if (typeof params.name !== 'string')
    return rpcError(200, id, INVALID_PARAMS, 'Invalid params: name must be a string');
  const outcome = callTool(params.name, params.arguments, context.profile.mcp.faults);
  if (outcome.kind === 'unknown-tool')
    return rpcError(200, id, INVALID_PARAMS, `Unknown tool: ${outcome.name}`);
  if (outcome.kind === 'crash') return { kind: 'text', status: 500, text: outcome.text };
  return rpcResult(id, outcome.result);
}

function dispatch(
  context: RequestContext,
  id: RequestId,
  method: string,
  params: Record<string, unknown>,
): McpAnswer {
  switch (method) {
    case 'ping':
      return rpcResult(id, {});
    case 'tools/list':
      return rpcResult(id, listTools(context.profile.mcp.faults));
    case 'tools/call':
      return toolsCall(context, id, params);
    default:
      if (context.profile.mcp.faults.unknownMethodOk) return rpcResult(id, {});
      return rpcError(200, id, METHOD_NOT_FOUND, `Method not found: ${method}`);
  }
}

function parseMessage(rawBody: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(rawBody) as unknown };
  } catch {
    return { ok: false };
  }
}

/** One JSON-RPC message per POST; notifications and responses are accepted (202) with no body. */
function answer(context: RequestContext): McpAnswer {
  const refusal = transportRefusal(context);
  if (refusal !== null) return refusal;
  const parsed = parseMessage(context.rawBody ?? '');
  if (!parsed.ok) return rpcError(400, null, PARSE_ERROR, 'Parse error');
  const message = parsed.value;
  if (Array.isArray(message))
    return rpcError(400, null, INVALID_REQUEST, 'Invalid Request: batches are not supported');
  if (!isRecord(message) || message.jsonrpc !== '2.0') {
    return rpcError(400, null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message');
  }
  const { id, method } = message;
  const hasId = typeof id === 'string' || typeof id === 'number';
  if (typeof method !== 'string') {
    if (hasId && ('result' in message || 'error' in message)) return { kind: 'accepted' };
    return rpcError(400, hasId ? id : null, INVALID_REQUEST, 'Invalid Request: method missing');
  }
  if (!('id' in message)) return { kind: 'accepted' };
  if (!hasId) return rpcError(400, null, INVALID_REQUEST, 'Invalid Request: id must be a string or number');
  const params = isRecord(message.params) ? message.params : {};
  if (method === 'initialize') return initialize(context, id, params);
  return sessionRefusal(context, id) ?? dispatch(context, id, method, params);
}

/** `POST /mcp`: a minimal Streamable-HTTP MCP server that always answers with a single JSON response. */
export function handleMcp(context: RequestContext): void {
  const reply = answer(context);
  if (reply.kind === 'accepted') {
    context.response.writeHead(202);
    context.response.end();
  } else if (reply.kind === 'text') {
    sendText(context, reply.status, reply.text, 'text/plain; charset=utf-8');
  } else {
    if (reply.sessionId !== undefined) context.response.setHeader('mcp-session-id', reply.sessionId);
    sendJson(context, reply.status, reply.body);
  }
}
