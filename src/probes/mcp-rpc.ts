/** @module JSON-RPC over MCP Streamable HTTP, client side: the POST an agent sends and the reply read from JSON or SSE. */
import type { ProviderExchange, ProviderRequest } from '../providers/provider.ts';
import { exchangeJson, isRecord, readJson } from './response-body.ts';

/** The revision agentscore speaks (modelcontextprotocol.io/specification/2025-06-18). */
export const MCP_PROTOCOL_VERSION = '2025-06-18';

/** What an initialized session adds to every later request. */
export interface McpSession {
  sessionId: string | null;
  protocolVersion: string | null;
}

/** How the reply arrived: a JSON body, an SSE event carrying it, or not at all. */
export type McpTransport = 'json' | 'sse' | 'none';

export interface McpReply {
  exchange: ProviderExchange;
  transport: McpTransport;
  /** `result` of the JSON-RPC response, when it has one. */
  result: unknown;
  /** `error` of the JSON-RPC response, when it has a numeric code. */
  error: { code: number; message: string } | null;
}

/** One JSON-RPC message as a POST to the MCP endpoint (Streamable HTTP: Accept both JSON and SSE). */
export function mcpRequest(
  url: string,
  message: Record<string, unknown>,
  session: McpSession,
  timeoutMs: number,
): ProviderRequest {
  const headers: Record<string, string> = { accept: 'application/json, text/event-stream' };
  if (session.sessionId !== null) headers['mcp-session-id'] = session.sessionId;
  if (session.protocolVersion !== null) headers['mcp-protocol-version'] = session.protocolVersion;
  // `stream` lets an SSE answer be parsed event by event; a JSON answer is still read as JSON.
  return {
    method: 'POST',
    path: url,
    headers,
    auth: { mode: 'bearer' },
    body: message,
    stream: true,
    timeoutMs,
  };
}

function isResponseTo(value: unknown, id: number): value is Record<string, unknown> {
  return isRecord(value) && value.id === id && ('result' in value || 'error' in value);
}

/** The response to request `id`: the JSON body (or a batch element), else the SSE event whose data carries it. */
function findResponse(
  exchange: ProviderExchange,
  id: number,
): { transport: McpTransport; message: Record<string, unknown> | null } {
  if (exchange.sse !== undefined) {
    for (const event of exchange.sse) {
      const read = readJson(event.data);
      if (read.ok && isResponseTo(read.value, id)) return { transport: 'sse', message: read.value };
    }
    return { transport: 'none', message: null };
  }
  const body = exchangeJson(exchange);
  const candidates = Array.isArray(body) ? body : [body];
  const message = candidates.find((candidate) => isResponseTo(candidate, id));
  return message === undefined ? { transport: 'none', message: null } : { transport: 'json', message };
}

export function readReply(exchange: ProviderExchange, id: number): McpReply {
  const { transport, message } = findResponse(exchange, id);
  const rawError = message?.error;
  const error =
    isRecord(rawError) && typeof rawError.code === 'number'
      ? { code: rawError.code, message: typeof rawError.message === 'string' ? rawError.message : '' }
      : null;
  return { exchange, transport, result: message?.result, error };
}

/** Text of a tool result's content blocks, joined (non-text blocks skipped). */
export function resultText(result: Record<string, unknown>): string {
  if (!Array.isArray(result.content)) return '';
  return result.content
    .filter(isRecord)
    .map((block) => (block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}
