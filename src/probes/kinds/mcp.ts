/** @module `mcp`: an MCP session over Streamable HTTP as an agent runs it — initialize, tools/list, good and bad tools/call, an unknown method. */
import { USER_AGENT } from '../../providers/build-http-request.ts';
import { schemaCompileError } from '../json-schema-validator.ts';
import {
  MCP_PROTOCOL_VERSION,
  type McpReply,
  type McpSession,
  type McpTransport,
  mcpRequest,
  readReply,
  resultText,
} from '../mcp-rpc.ts';
import {
  emptyOutcome,
  NO_PARAMETERS,
  type ProbeContext,
  type ProbeKind,
  type ProbeOutcome,
} from '../probe-kind.ts';
import { isRecord } from '../response-body.ts';
import { argumentsFor, requiredProperties } from '../schema-arguments.ts';

type RpcError = { code: number; message: string } | null;

export interface McpInitializeObservation {
  status: number | null;
  /** The result names a protocol version and carries a capabilities object. */
  ok: boolean;
  protocolVersion: string | null;
  serverName: string | null;
  toolsCapability: boolean;
  sessionIssued: boolean;
  transport: McpTransport;
  error: RpcError;
}

export interface McpToolObservation {
  name: string;
  hasDescription: boolean;
  /** Top-level inputSchema properties without a description. */
  undescribedParameters: string[];
  /** Why inputSchema is not a valid JSON Schema object (ajv, in the draft it declares by `$schema`); null when it is. */
  schemaProblem: string | null;
}

export interface McpCallObservation {
  arguments: Record<string, unknown>;
  status: number | null;
  contentType: string | null;
  transport: McpTransport;
  /** `result.isError` (absent counts as false); null when no result came. */
  isError: boolean | null;
  /** The result's text, or the JSON-RPC error message, or the raw body; at most 300 characters. */
  text: string;
  error: RpcError;
}

export interface McpObservations {
  initialize: McpInitializeObservation;
  /** HTTP status of `notifications/initialized` (202 expected); null when not sent or unanswered. */
  initializedStatus: number | null;
  /** null when initialize failed and the session went no further. */
  toolsList: { status: number | null; error: RpcError; tools: McpToolObservation[] | null } | null;
  /** The tool called with generated (good) and empty (bad) arguments; `bad` is null when it requires nothing. */
  toolCall: { tool: string; good: McpCallObservation; bad: McpCallObservation | null } | null;
  unknownMethod: { method: string; status: number | null; error: RpcError; resultReturned: boolean } | null;
}

export const UNKNOWN_METHOD = 'agentscore/no-such-method';
const MAX_LIST_PAGES = 4;

function observeInitialize(reply: McpReply): McpInitializeObservation {
  const result = isRecord(reply.result) ? reply.result : {};
  const capabilities = isRecord(result.capabilities) ? result.capabilities : null;
  const serverInfo = isRecord(result.serverInfo) ? result.serverInfo : {};
  return {
    status: reply.exchange.status,
    ok: typeof result.protocolVersion === 'string' && capabilities !== null,
    protocolVersion: typeof result.protocolVersion === 'string' ? result.protocolVersion : null,
    serverName: typeof serverInfo.name === 'string' ? serverInfo.name : null,
    toolsCapability: isRecord(capabilities?.tools),
    sessionIssued: reply.exchange.headers['mcp-session-id'] !== undefined,
    transport: reply.transport,
    error: reply.error,
  };
}

function schemaProblem(schema: unknown): string | null {
  if (!isRecord(schema)) return 'inputSchema is missing or not an object';
  if (schema.type !== 'object') return `inputSchema.type is ${JSON.stringify(schema.type)}, not "object"`;
  return schemaCompileError(schema);
}

function observeTool(tool: Record<string, unknown>): McpToolObservation {
  const schema = tool.inputSchema;
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  return {
    name: typeof tool.name === 'string' ? tool.name : '(unnamed)',
    hasDescription: typeof tool.description === 'string' && tool.description.trim() !== '',
    undescribedParameters: Object.entries(properties)
      .filter(
        ([, property]) =>
          !isRecord(property) || typeof property.description !== 'string' || !property.description.trim(),
      )
      .map(([name]) => name),
    schemaProblem: schemaProblem(schema),
  };
}

function observeCall(reply: McpReply, args: Record<string, unknown>): McpCallObservation {
  const { exchange } = reply;
  const result = isRecord(reply.result) ? reply.result : null;
  const text = result ? resultText(result) : (reply.error?.message ?? exchange.bodyText);
  return {
    arguments: args,
    status: exchange.status,
    contentType: exchange.headers['content-type'] ?? null,
    transport: reply.transport,
    isError: result ? result.isError === true : null,
    text: text.slice(0, 300),
    error: reply.error,
  };
}

/** The tool to exercise: the first that requires an argument (so `{}` is a bad call), else the first. */
function chooseTool(tools: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
  const named = tools.filter((tool) => typeof tool.name === 'string');
  return named.find((tool) => requiredProperties(tool.inputSchema).length > 0) ?? named[0];
}

export const mcpKind: ProbeKind<'mcp'> = {
  name: 'mcp',
  parameters: NO_PARAMETERS,
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    const outcome = emptyOutcome();
    const url = context.target.mcpUrl;
    if (!url) {
      outcome.skip = { reason: 'not-applicable', detail: 'target declares no MCP endpoint' };
      return outcome;
    }
    const session: McpSession = { sessionId: null, protocolVersion: null };
    let lastId = 0;
    const send = async (message: Record<string, unknown>) => {
      const exchange = await context.send(mcpRequest(url, message, session, context.timeoutMs));
      outcome.exchanges.push(exchange);
      return exchange;
    };
    const call = async (method: string, params?: Record<string, unknown>): Promise<McpReply> => {
      lastId += 1;
      const id = lastId;
      return readReply(await send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) }), id);
    };

    const initReply = await call('initialize', {
      protocolVersion: MCP_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'agentscore', version: USER_AGENT.split('/')[1] ?? '0' },
    });
    const first = initReply.exchange;
    outcome.timings = { ttfbMs: first.timings.ttfbMs ?? undefined, e2eMs: first.timings.e2eMs };
    if (first.status === null) {
      outcome.failure = {
        reason: first.failure?.reason ?? 'connection-reset',
        detail: `MCP initialize: ${first.failure?.message ?? 'no answer'}`,
      };
      return outcome;
    }
    const observations: McpObservations = {
      initialize: observeInitialize(initReply),
      initializedStatus: null,
      toolsList: null,
      toolCall: null,
      unknownMethod: null,
    };
    outcome.observation = { kind: 'mcp', data: observations };
    if (!observations.initialize.ok) return outcome;
    session.sessionId = first.headers['mcp-session-id'] ?? null;
    session.protocolVersion = observations.initialize.protocolVersion;
    observations.initializedStatus = (
      await send({ jsonrpc: '2.0', method: 'notifications/initialized' })
    ).status;

    const listed: Array<Record<string, unknown>> = [];
    let listReply: McpReply | null = null;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
      listReply = await call('tools/list', cursor === undefined ? undefined : { cursor });
      const result = isRecord(listReply.result) ? listReply.result : null;
      if (!result || !Array.isArray(result.tools)) break;
      listed.push(...result.tools.filter(isRecord));
      cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
      if (cursor === undefined) break;
    }
    const listOk = listReply !== null && isRecord(listReply.result) && Array.isArray(listReply.result.tools);
    observations.toolsList = {
      status: listReply?.exchange.status ?? null,
      error: listReply?.error ?? null,
      tools: listOk || listed.length > 0 ? listed.map(observeTool) : null,
    };

    const tool = chooseTool(listed);
    if (tool !== undefined) {
      const goodArguments = argumentsFor(tool.inputSchema);
      const name = String(tool.name);
      const good = observeCall(await call('tools/call', { name, arguments: goodArguments }), goodArguments);
      const needsArguments = requiredProperties(tool.inputSchema).length > 0;
      const bad = needsArguments ? observeCall(await call('tools/call', { name, arguments: {} }), {}) : null;
      observations.toolCall = { tool: name, good, bad };
    }

    const unknown = await call(UNKNOWN_METHOD);
    observations.unknownMethod = {
      method: UNKNOWN_METHOD,
      status: unknown.exchange.status,
      error: unknown.error,
      resultReturned: unknown.result !== undefined,
    };
    outcome.observation = { kind: 'mcp', data: observations };
    outcome.measurements = {
      mcp: {
        protocolVersion: observations.initialize.protocolVersion,
        tools: observations.toolsList.tools?.length ?? null,
      },
    };
    return outcome;
  },
};
