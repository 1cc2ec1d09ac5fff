/** @module sandbox/mcp/handle-mcp.test — the MCP endpoint speaks Streamable HTTP JSON-RPC, and sloppy-mcp plants its four faults. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, resolveProfile } from '../profile.ts';
import { AUTH, TEST_KEY, withSandbox } from '../sandbox-test-client.ts';
import type { RunningSandbox } from '../start-sandbox.ts';

const MCP_HEADERS = {
  ...AUTH,
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

interface RpcAnswer {
  status: number;
  contentType: string | null;
  sessionId: string | null;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests walk JSON-RPC bodies received over HTTP.
  body: any;
}

async function post(
  sandbox: RunningSandbox,
  message: unknown,
  headers: Record<string, string> = MCP_HEADERS,
): Promise<RpcAnswer> {
  const response = await fetch(`${sandbox.url}/mcp`, {
    method: 'POST',
    headers,
    body: typeof message === 'string' ? message : JSON.stringify(message),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the test looks at `text`.
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    sessionId: response.headers.get('mcp-session-id'),
    text,
    body,
  };
}

/** initialize + notifications/initialized; returns the headers later requests carry. */
async function openSession(sandbox: RunningSandbox): Promise<Record<string, string>> {
  const initialize = await post(sandbox, {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
  });
  expect(initialize.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  const headers = {
    ...MCP_HEADERS,
    'mcp-session-id': initialize.sessionId ?? '',
    'mcp-protocol-version': '2025-06-18',
  };
  const initialized = await post(sandbox, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  expect(initialized.status).toBe(202);
  expect(initialized.text).toBe('');
  return headers;
}

const call = (id: number, name: string, args: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, arguments: args },
});

describe('sandbox MCP endpoint', () => {
  it('is a validated profile setting, off by default', () => {
    expect(DEFAULT_PROFILE.mcp.enabled).toBe(false);
    expect(resolveProfile({ extends: 'faithful', mcp: { faults: { unknownMethodOk: true } } }).mcp).toEqual({
      enabled: false,
      faults: { ...DEFAULT_PROFILE.mcp.faults, unknownMethodOk: true },
    });
    expect(() => resolveProfile({ mcp: { enabled: 'yes' } } as never)).toThrow(
      /\/mcp\/enabled: must be boolean/,
    );
    expect(() => resolveProfile({ mcp: { faults: { noTools: true } } } as never)).toThrow(
      /\/mcp\/faults: unknown key "noTools"/,
    );
  });

  it('is absent unless the profile enables it', async () => {
    await withSandbox('faithful', async (sandbox) => {
      expect((await post(sandbox, { jsonrpc: '2.0', id: 1, method: 'ping' })).status).toBe(404);
    });
  });

  it('faithful-mcp: initialize, tools/list, good and bad tools/call, unknown method', async () => {
    await withSandbox('faithful-mcp', async (sandbox) => {
      const initialize = await post(sandbox, {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      });
      expect(initialize.status).toBe(200);
      expect(initialize.contentType).toBe('application/json');
      expect(initialize.body).toMatchObject({
        jsonrpc: '2.0',
        id: 1,
        result: {
          protocolVersion: '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: { name: 'agentscore-sandbox' },
        },
      });
      const headers = await openSession(sandbox);

      const list = await post(sandbox, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, headers);
      const tools = list.body.result.tools;
      expect(tools.map((tool: { name: string }) => tool.name)).toEqual(['get_weather', 'list_models']);
      for (const tool of tools) {
        expect(tool.description.length).toBeGreaterThan(10);
        expect(tool.inputSchema.type).toBe('object');
      }
      expect(tools[0].inputSchema.required).toEqual(['city']);

      const good = await post(sandbox, call(3, 'get_weather', { city: 'Paris' }), headers);
      expect(good.body.result.isError).toBe(false);
      expect(good.body.result.content[0]).toEqual({ type: 'text', text: expect.stringContaining('Paris') });

      const bad = await post(sandbox, call(4, 'get_weather', {}), headers);
      expect(bad.status).toBe(200);
      expect(bad.body.result).toEqual({
        content: [{ type: 'text', text: 'city is required' }],
        isError: true,
      });

      const unknownTool = await post(sandbox, call(5, 'no_such_tool', {}), headers);
      expect(unknownTool.body.error.code).toBe(-32602);

      const unknown = await post(
        sandbox,
        { jsonrpc: '2.0', id: 6, method: 'agentscore/no-such-method' },
        headers,
      );
      expect(unknown.status).toBe(200);
      expect(unknown.body).toMatchObject({ jsonrpc: '2.0', id: 6, error: { code: -32601 } });
    });
  });

  it('enforces auth, Accept, sessions and JSON-RPC framing', async () => {
    await withSandbox('faithful-mcp', async (sandbox) => {
      const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
      const { authorization: _key, ...anonymous } = MCP_HEADERS;
      expect((await post(sandbox, ping, anonymous)).status).toBe(401);
      const jsonOnly = await post(sandbox, ping, { ...MCP_HEADERS, accept: 'application/json' });
      expect(jsonOnly.status).toBe(406);
      expect((await post(sandbox, ping)).status).toBe(400);
      const stranger = await post(sandbox, ping, { ...MCP_HEADERS, 'mcp-session-id': 'not-a-session' });
      expect(stranger.status).toBe(404);
      const headers = await openSession(sandbox);
      expect((await post(sandbox, ping, headers)).body).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
      const oldVersion = await post(sandbox, ping, { ...headers, 'mcp-protocol-version': '1999-01-01' });
      expect(oldVersion.status).toBe(400);
      expect((await post(sandbox, '{"jsonrpc": ', headers)).body.error.code).toBe(-32700);
      expect((await post(sandbox, [ping], headers)).body.error.code).toBe(-32600);
      const getStream = await fetch(`${sandbox.url}/mcp`, {
        headers: { authorization: `Bearer ${TEST_KEY}` },
      });
      expect(getStream.status).toBe(405);
    });
  });

  it('sloppy-mcp drops descriptions, lists an invalid schema, crashes on bad arguments, accepts unknown methods', async () => {
    await withSandbox('sloppy-mcp', async (sandbox) => {
      const headers = await openSession(sandbox);
      const list = await post(sandbox, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, headers);
      const [weather, models] = list.body.result.tools;
      expect(weather.description).toBeUndefined();
      expect(models.description).toBeUndefined();
      expect(weather.inputSchema).toEqual({
        type: 'object',
        properties: { city: { type: 'text' } },
        required: ['city'],
      });

      const good = await post(sandbox, call(3, 'get_weather', { city: 'Paris' }), headers);
      expect(good.body.result.isError).toBe(false);
      const bad = await post(sandbox, call(4, 'get_weather', {}), headers);
      expect(bad.status).toBe(500);
      expect(bad.contentType).toMatch(/^text\/plain/);
      expect(bad.text).toContain('KeyError');

      const unknown = await post(
        sandbox,
        { jsonrpc: '2.0', id: 5, method: 'agentscore/no-such-method' },
        headers,
      );
      expect(unknown.body).toEqual({ jsonrpc: '2.0', id: 5, result: {} });
    });
  });
});
