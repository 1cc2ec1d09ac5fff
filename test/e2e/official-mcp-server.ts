/**
 * @module Test helper: MCP servers built with the official TypeScript SDK (@modelcontextprotocol/sdk),
 * the implementation most real MCP servers run, served over Streamable HTTP on loopback. One tidy
 * server (described tools, zod-validated arguments) and one careless one, each in the SDK's three
 * transport modes: stateful with SSE answers, stateful with JSON answers, and stateless.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

export type McpServerMode = 'sse' | 'json' | 'stateless';

function tidyServer(): McpServer {
  const server = new McpServer({ name: 'forecast-tidy', version: '1.0.0' });
  server.registerTool(
    'get_forecast',
    {
      description: 'Weather forecast for a city, one line per day.',
      inputSchema: {
        city: z.string().min(1).describe('City name, e.g. Paris'),
        days: z.number().int().min(1).max(7).describe('How many days ahead, 1 to 7'),
      },
    },
    async ({ city, days }) => ({ content: [{ type: 'text', text: `${city}: sunny for ${days} days` }] }),
  );
  return server;
}

/** No descriptions anywhere, and a tool that answers every call with a thrown error. */
function carelessServer(): McpServer {
  const server = new McpServer({ name: 'forecast-careless', version: '0.0.1' });
  server.registerTool('fc', { inputSchema: { c: z.string(), d: z.number() } }, async () => {
    throw new Error('boom');
  });
  return server;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export interface OfficialMcpServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `/mcp` the way the SDK's own examples do: one transport (and McpServer) per session. */
export async function startOfficialMcpServer(
  kind: 'tidy' | 'careless',
  mode: McpServerMode,
): Promise<OfficialMcpServer> {
  const build = kind === 'tidy' ? tidyServer : carelessServer;
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const http: Server = createServer(async (request, response) => {
    try {
      if (!request.url?.startsWith('/mcp')) {
        response.writeHead(404).end();
        return;
      }
      const body = request.method === 'POST' ? await readBody(request) : undefined;
      if (mode === 'stateless') {
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
        response.on('close', () => void transport.close());
        await build().connect(transport);
        await transport.handleRequest(request, response, body);
        return;
      }
      const sessionId = request.headers['mcp-session-id'];
      let transport = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
      if (!transport && request.method === 'POST' && isInitializeRequest(body)) {
        const created = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          enableJsonResponse: mode === 'json',
          onsessioninitialized: (id) => sessions.set(id, created),
        });
        await build().connect(created);
        transport = created;
      }
      if (!transport) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null }),
        );
        return;
      }
      await transport.handleRequest(request, response, body);
    } catch (error) {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      for (const transport of sessions.values()) await transport.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
