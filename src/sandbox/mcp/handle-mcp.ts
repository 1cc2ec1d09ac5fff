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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sendRpcError(
  context: RequestContext,
  httpStatus: number,
  id: RequestId,
  code: number,
  message: string,
): void {
  sendJson(context, httpStatus, { jsonrpc: '2.0', id, error: { code, message } });
}

function sendRpcResult(context: RequestContext, id: RequestId, result: unknown): void {
  sendJson(context, 200, { jsonrpc: '2.0', id, result });
}

function accepted(context: RequestContext): void {
  context.response.writeHead(202);
  context.response.end();
}

/** The transport's own refusals: Accept, Content-Type; null when the request may proceed. */
function transportProblem(context: RequestContext): { status: number; message: string } | null {
  const accept = (context.request.headers.accept ?? '').toLowerCase();
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    return {
      status: 406,
      message: 'Not Acceptable: the client must accept both application/json and text/event-stream',
    };
  }
  if (!/^application\/json\b/i.test(context.request.headers['content-type'] ?? '')) {
    return { status: 415, message: 'Unsupported Media Type: send application/json' };
  }
  return null;
}

/** Requests after initialize carry a known session id and, when sent, a supported protocol version. */
function sessionProblem(context: RequestContext): { status: number; code: number; message: string } | null {
  const sessionId = context.request.headers['mcp-session-id'];
  if (typeof sessionId !== 'string' || sessionId === '') {
    return { status: 400, code: TRANSPORT_ERROR, message: 'Bad Request: Mcp-Session-Id header is required' };
  }
  if (!context.state.mcpSessions.has(sessionId)) {
    return { status: 404, code: SESSION_NOT_FOUND, message: 'Session not found' };
  }
  const version = context.request.headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_VERSIONS.includes(version)) {
    return {
      status: 400,
      code: TRANSPORT_ERROR,
      message: `Bad Request: unsupported MCP-Protocol-Version ${version} (supported: ${SUPPORTED_VERSIONS.join(', ')})`,
    };
  }
  return null;
}

function initialize(context: RequestContext, id: RequestId, params: Record<string, unknown>): void {
  const requested = params.protocolVersion;
  const protocolVersion =
    typeof requested === 'string' && SUPPORTED_VERSIONS.includes(requested)
      ? requested
      : MCP_PROTOCOL_VERSION;
  const sessionId = randomUUID();
  context.state.mcpSessions.add(sessionId);
  context.response.setHeader('mcp-session-id', sessionId);
  sendRpcResult(context, id, {
    protocolVersion,
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: 'agentscore-sandbox', title: 'agentscore sandbox MCP server', version: '0.1.0' },
    instructions: 'Tools of the agentscore sandbox: get_weather and list_models.',
  });
}

function toolsCall(context: RequestContext, id: RequestId, params: Record<string, unknown>): void {
  if (typeof params.name !== 'string') {
    sendRpcError(context, 200, id, INVALID_PARAMS, 'Invalid params: name must be a string');
    return;
  }
  const outcome = callTool(params.name, params.arguments, context.profile.mcp.faults);
  if (outcome.kind === 'unknown-tool') {
    sendRpcError(context, 200, id, INVALID_PARAMS, `Unknown tool: ${outcome.name}`);
  } else if (outcome.kind === 'crash') {
    sendText(context, 500, outcome.text, 'text/plain; charset=utf-8');
  } else {
    sendRpcResult(context, id, outcome.result);
  }
}

function dispatch(
  context: RequestContext,
  id: RequestId,
  method: string,
  params: Record<string, unknown>,
): void {
  switch (method) {
    case 'ping':
      return sendRpcResult(context, id, {});
    case 'tools/list':
      return sendRpcResult(context, id, listTools(context.profile.mcp.faults));
    case 'tools/call':
      return toolsCall(context, id, params);
    default:
      if (context.profile.mcp.faults.unknownMethodOk) return sendRpcResult(context, id, {});
      return sendRpcError(context, 200, id, METHOD_NOT_FOUND, `Method not found: ${method}`);
  }
}

function parseMessage(rawBody: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(rawBody) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `POST /mcp`: one JSON-RPC message per request; notifications and responses get 202 with no body. */
export function handleMcp(context: RequestContext): void {
  const refusal = transportProblem(context);
  if (refusal !== null) return sendRpcError(context, refusal.status, null, TRANSPORT_ERROR, refusal.message);
  const parsed = parseMessage(context.rawBody ?? '');
  if (!parsed.ok) return sendRpcError(context, 400, null, PARSE_ERROR, 'Parse error');
  const message = parsed.value;
  if (Array.isArray(message)) {
    return sendRpcError(context, 400, null, INVALID_REQUEST, 'Invalid Request: batches are not supported');
  }
  if (!isRecord(message) || message.jsonrpc !== '2.0') {
    return sendRpcError(context, 400, null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message');
  }
  const { id, method } = message;
  const hasId = typeof id === 'string' || typeof id === 'number';
  if (typeof method !== 'string') {
    if (hasId && ('result' in message || 'error' in message)) return accepted(context);
    return sendRpcError(context, 400, hasId ? id : null, INVALID_REQUEST, 'Invalid Request: method missing');
  }
  if (!('id' in message)) return accepted(context);
  if (!hasId)
    return sendRpcError(
      context,
      400,
      null,
      INVALID_REQUEST,
      'Invalid Request: id must be a string or number',
    );
  const params = isRecord(message.params) ? message.params : {};
  if (method === 'initialize') return initialize(context, id, params);
  const problem = sessionProblem(context);
  if (problem !== null) return sendRpcError(context, problem.status, id, problem.code, problem.message);
  dispatch(context, id, method, params);
}
