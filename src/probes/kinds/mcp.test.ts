/** @module `mcp` kind against the real sandbox MCP endpoint: faithful-mcp passes all six checks, sloppy-mcp fails its four faults. */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/start-sandbox.ts';
import { createTestContext, startTestServer, TEST_API_KEY } from '../__fixtures__/probe-test-context.ts';
import type { AssertionVerdict } from '../assertion.ts';
import { observationOf } from '../observation.ts';
import type { ProbeContext, ProbeOutcome } from '../probe-kind.ts';
import { ASSERTIONS } from '../registry.ts';
import { readJson } from '../response-body.ts';
import { mcpKind } from './mcp.ts';

const CHECKS = [
  'mcp-initialize',
  'mcp-tools-listed',
  'mcp-input-schemas-valid',
  'mcp-descriptions-present',
  'mcp-structured-tool-errors',
  'mcp-unknown-method-error',
] as const;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function contextFor(baseUrl: string, mcpUrl: string | undefined): ProbeContext {
  const { context, provider } = createTestContext({ baseUrl, probe: { kind: 'mcp' } });
  cleanups.push(() => provider.close());
  return { ...context, target: { ...context.target, mcpUrl } };
}

function judge(outcome: ProbeOutcome, context: ProbeContext): Record<string, AssertionVerdict> {
  return Object.fromEntries(CHECKS.map((name) => [name, ASSERTIONS[name]!.evaluate({}, outcome, context)]));
}

async function runAgainst(profile: string) {
  const sandbox = await startSandbox({ profile, port: 0, apiKeys: [TEST_API_KEY] });
  cleanups.push(() => sandbox.close());
  const context = contextFor(sandbox.url, `${sandbox.url}/mcp`);
  const outcome = await mcpKind.run(context);
  return { outcome, verdicts: judge(outcome, context) };
}

describe('mcp probe kind', () => {
  it('faithful-mcp: a full session passes all six checks', async () => {
    const { outcome, verdicts } = await runAgainst('faithful-mcp');
    expect(outcome.failure).toBeUndefined();
    for (const name of CHECKS)
      expect(verdicts[name]?.passed, `${name}: ${verdicts[name]?.detail}`).toBe(true);
    expect(outcome.exchanges.map((exchange) => exchange.status)).toEqual([200, 202, 200, 200, 200, 200]);
    expect(outcome.exchanges[1]?.request.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.exchanges[2]?.request.headers['mcp-protocol-version']).toBe('2025-06-18');
    const observations = observationOf(outcome, 'mcp');
    if (!observations) throw new Error('no MCP observations');
    expect(observations.toolCall?.good).toMatchObject({ arguments: { city: 'Paris' }, isError: false });
    expect(observations.toolCall?.bad).toMatchObject({ isError: true, text: 'city is required' });
    expect(verdicts['mcp-tools-listed']?.detail).toBe('2 tools: get_weather, list_models');
  });

  it('sloppy-mcp: connects and lists, but fails the four planted faults', async () => {
    const { verdicts } = await runAgainst('sloppy-mcp');
    expect(verdicts['mcp-initialize']?.passed).toBe(true);
    expect(verdicts['mcp-tools-listed']?.passed).toBe(true);
    for (const name of CHECKS.slice(2))
      expect(verdicts[name]?.passed, `${name}: ${verdicts[name]?.detail}`).toBe(false);
    expect(verdicts['mcp-input-schemas-valid']?.detail).toContain('get_weather');
    expect(verdicts['mcp-descriptions-present']?.detail).toContain('get_weather.city');
    expect(verdicts['mcp-structured-tool-errors']?.detail).toContain('HTTP 500');
    expect(verdicts['mcp-unknown-method-error']?.detail).toContain('a result');
  });

  it('no MCP endpoint: skipped as not applicable, every check not applicable', async () => {
    const context = contextFor('http://127.0.0.1:9', undefined);
    const outcome = await mcpKind.run(context);
    expect(outcome.skip).toEqual({ reason: 'not-applicable', detail: 'target declares no MCP endpoint' });
    for (const verdict of Object.values(judge(outcome, context))) expect(verdict.passed).toBeNull();
  });

  it('a refused initialize fails mcp-initialize and mcp-tools-listed, and stops the session', async () => {
    const sandbox = await startSandbox({ profile: 'faithful', port: 0, apiKeys: [TEST_API_KEY] });
    cleanups.push(() => sandbox.close());
    const context = contextFor(sandbox.url, `${sandbox.url}/mcp`);
    const outcome = await mcpKind.run(context);
    const verdicts = judge(outcome, context);
    expect(outcome.exchanges).toHaveLength(1);
    expect(verdicts['mcp-initialize']).toEqual({
      passed: false,
      detail: 'initialize: HTTP 404 without a JSON-RPC result',
    });
    expect(verdicts['mcp-tools-listed']?.passed).toBe(false);
    expect(verdicts['mcp-unknown-method-error']?.passed).toBeNull();
  });

  it('reads replies sent as SSE events, and JSON-RPC errors for bad arguments pass as structured', async () => {
    const ECHO_TOOL = {
      name: 'echo',
      description: 'Echo text.',
      inputSchema: {
        type: 'object',
        properties: { text: { type: 'string', description: 'Text to echo.' } },
        required: ['text'],
      },
    };
    const answer = (method: string, args: object): Record<string, unknown> => {
      if (method === 'initialize') {
        return {
          result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'sse' } },
        };
      }
      if (method === 'tools/list') return { result: { tools: [ECHO_TOOL] } };
      if (method === 'tools/call' && Object.keys(args).length === 0) {
        return { error: { code: -32602, message: 'Invalid params: text is required' } };
      }
      if (method === 'tools/call') return { result: { content: [{ type: 'text', text: 'hi' }] } };
      return { error: { code: -32601, message: 'Method not found' } };
    };
    const server = await startTestServer((_request, body, response) => {
      const read = readJson(body.toString('utf8'));
      const message = (read.ok ? read.value : {}) as {
        id?: number;
        method?: string;
        params?: { arguments?: object };
      };
      if (message.id === undefined) {
        response.writeHead(202).end();
        return;
      }
      const payload = {
        jsonrpc: '2.0',
        id: message.id,
        ...answer(message.method ?? '', message.params?.arguments ?? {}),
      };
      response.writeHead(200, { 'content-type': 'text/event-stream', 'mcp-session-id': 'session-1' });
      response.end(`event: message\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    cleanups.push(() => server.close());
    const context = contextFor(server.baseUrl, `${server.baseUrl}/mcp`);
    const outcome = await mcpKind.run(context);
    const verdicts = judge(outcome, context);
    for (const name of CHECKS)
      expect(verdicts[name]?.passed, `${name}: ${verdicts[name]?.detail}`).toBe(true);
    expect(verdicts['mcp-initialize']?.detail).toContain('(sse)');
    expect(verdicts['mcp-structured-tool-errors']?.detail).toContain('JSON-RPC error -32602');
  });
});
