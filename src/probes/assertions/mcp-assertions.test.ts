import { describe, expect, it } from 'vitest';
import type { AssertionContext } from '../assertion.ts';
import type {
  McpCallObservation,
  McpInitializeObservation,
  McpObservations,
  McpToolObservation,
} from '../kinds/mcp.ts';
import { emptyOutcome } from '../probe-kind.ts';
import {
  mcpDescriptionsPresentAssertion,
  mcpInitializeAssertion,
  mcpInputSchemasValidAssertion,
  mcpStructuredToolErrorsAssertion,
  mcpToolsListedAssertion,
  mcpUnknownMethodErrorAssertion,
} from './mcp-assertions.ts';

const CONTEXT = {} as AssertionContext;
const initialize = (overrides: Partial<McpInitializeObservation> = {}): McpInitializeObservation => ({
  status: 200,
  ok: true,
  protocolVersion: '2025-06-18',
  serverName: 'demo',
  toolsCapability: true,
  sessionIssued: true,
  transport: 'json',
  error: null,
  ...overrides,
});
const tool = (name: string, overrides: Partial<McpToolObservation> = {}): McpToolObservation => ({
  name,
  hasDescription: true,
  undescribedParameters: [],
  schemaProblem: null,
  ...overrides,
});
const callResult = (overrides: Partial<McpCallObservation> = {}): McpCallObservation => ({
  arguments: {},
  status: 200,
  contentType: 'application/json',
  transport: 'json',
  isError: true,
  text: 'missing argument city',
  error: null,
  ...overrides,
});
function session(overrides: Partial<McpObservations> = {}): McpObservations {
  return {
    initialize: initialize(),
    initializedStatus: 202,
    toolsList: { status: 200, error: null, tools: [tool('weather')] },
    toolCall: { tool: 'weather', good: callResult({ isError: false, text: 'sunny' }), bad: callResult() },
    unknownMethod: { method: 'agentscore/no-such-method', status: 200, error: null, resultReturned: false },
    ...overrides,
  };
}
const observed = (data: McpObservations) => ({
  ...emptyOutcome(),
  observation: { kind: 'mcp' as const, data },
});
const ALL = [
  mcpInitializeAssertion,
  mcpToolsListedAssertion,
  mcpInputSchemasValidAssertion,
  mcpDescriptionsPresentAssertion,
  mcpStructuredToolErrorsAssertion,
  mcpUnknownMethodErrorAssertion,
];
const names = (count: number) => Array.from({ length: count }, (_, index) => `t${index + 1}`);

describe('mcp assertions', () => {
  it('are not applicable without an MCP session', () => {
    for (const assertion of ALL) {
      expect(assertion.reads).toEqual(['mcp']);
      expect(assertion.evaluate({}, emptyOutcome(), CONTEXT)).toEqual({
        passed: null,
        detail: 'no MCP session was observed',
      });
    }
  });

  it('mcp-initialize names the server, protocol, session and transport, or the RPC problem', () => {
    const judge = (init: McpInitializeObservation) =>
      mcpInitializeAssertion.evaluate({}, observed(session({ initialize: init })), CONTEXT);
    expect(judge(initialize())).toEqual({
      passed: true,
      detail: 'demo speaks MCP 2025-06-18 with a session id (json)',
    });
    expect(
      judge(initialize({ serverName: null, sessionIssued: false, toolsCapability: false, transport: 'sse' })),
    ).toEqual({
      passed: true,
      detail:
        'an unnamed server speaks MCP 2025-06-18 without a session id (sse); no tools capability declared',
    });
    expect(judge(initialize({ ok: false, error: { code: -32600, message: 'bad request' } }))).toEqual({
      passed: false,
      detail: 'initialize: JSON-RPC error -32600 bad request',
    });
    expect(judge(initialize({ ok: false, error: { code: -32600, message: '' } })).detail).toBe(
      'initialize: JSON-RPC error -32600',
    );
    expect(judge(initialize({ ok: false, status: 404 })).detail).toBe(
      'initialize: HTTP 404 without a JSON-RPC result',
    );
    expect(judge(initialize({ ok: false, status: null })).detail).toBe('initialize: no answer');
  });

  it('mcp-tools-listed counts the tools and names five at most', () => {
    const judge = (data: McpObservations) => mcpToolsListedAssertion.evaluate({}, observed(data), CONTEXT);
    expect(judge(session())).toEqual({ passed: true, detail: '1 tools: weather' });
    const list = (count: number) =>
      session({ toolsList: { status: 200, error: null, tools: names(count).map((name) => tool(name)) } });
    expect(judge(list(5)).detail).toBe('5 tools: t1, t2, t3, t4, t5');
    expect(judge(list(7)).detail).toBe('7 tools: t1, t2, t3, t4, t5 and 2 more');
    expect(judge(list(0))).toEqual({ passed: false, detail: 'tools/list returned no tools' });
    const notReached = { passed: false, detail: 'tools/list not reached: initialize failed' };
    expect(judge(session({ initialize: initialize({ ok: false }) }))).toEqual(notReached);
    expect(judge(session({ toolsList: null }))).toEqual(notReached);
    expect(
      judge(session({ toolsList: { status: 200, error: { code: -32601, message: 'nope' }, tools: null } })),
    ).toEqual({ passed: false, detail: 'tools/list: JSON-RPC error -32601 nope' });
    expect(judge(session({ toolsList: { status: 500, error: null, tools: null } })).detail).toBe(
      'tools/list: HTTP 500 without a JSON-RPC result',
    );
  });

  it('mcp-input-schemas-valid names how many fail and the first problem, cut at 160 characters', () => {
    const judge = (tools: McpToolObservation[] | null) =>
      mcpInputSchemasValidAssertion.evaluate(
        {},
        observed(session({ toolsList: { status: 200, error: null, tools } })),
        CONTEXT,
      );
    const none = { passed: null, detail: 'no tools were listed' };
    expect(judge(null)).toEqual(none);
    expect(judge([])).toEqual(none);
    expect(
      mcpInputSchemasValidAssertion.evaluate({}, observed(session({ toolsList: null })), CONTEXT),
    ).toEqual(none);
    expect(judge([tool('a'), tool('b')])).toEqual({
      passed: true,
      detail: 'all 2 inputSchemas compile as JSON Schema (in the draft each declares)',
    });
    expect(
      judge([
        tool('a'),
        tool('b', { schemaProblem: 'x'.repeat(200) }),
        tool('c', { schemaProblem: 'other' }),
      ]),
    ).toEqual({
      passed: false,
      detail: `2 of 3 inputSchemas are not valid JSON Schema (b: ${'x'.repeat(160)})`,
    });
  });

  it('mcp-descriptions-present lists bare tools and undescribed parameters', () => {
    const judge = (tools: McpToolObservation[] | null) =>
      mcpDescriptionsPresentAssertion.evaluate(
        {},
        observed(session({ toolsList: { status: 200, error: null, tools } })),
        CONTEXT,
      );
    expect(judge([])).toEqual({ passed: null, detail: 'no tools were listed' });
    expect(judge([tool('a'), tool('b')])).toEqual({
      passed: true,
      detail: 'all 2 tools and their parameters are described',
    });
    expect(judge([tool('a', { hasDescription: false }), tool('b')])).toEqual({
      passed: false,
      detail: 'tools without a description: a',
    });
    expect(
      judge([tool('a', { undescribedParameters: ['x', 'y'] }), tool('b', { undescribedParameters: ['z'] })]),
    ).toEqual({
      passed: false,
      detail: 'parameters without a description: a.x, a.y, b.z',
    });
    expect(
      judge([
        ...names(6).map((name) => tool(name, { hasDescription: false })),
        tool('p', { undescribedParameters: ['q'] }),
      ]),
    ).toEqual({
      passed: false,
      detail:
        'tools without a description: t1, t2, t3, t4, t5 and 1 more; parameters without a description: p.q',
    });
  });

  it('mcp-structured-tool-errors passes an isError result or a JSON-RPC error with a message', () => {
    const judge = (toolCall: McpObservations['toolCall']) =>
      mcpStructuredToolErrorsAssertion.evaluate({}, observed(session({ toolCall })), CONTEXT);
    const good = callResult({ isError: false, text: 'sunny' });
    const called = (bad: McpCallObservation | null, goodCall = good) => ({
      tool: 'weather',
      good: goodCall,
      bad,
    });
    expect(judge(null)).toEqual({ passed: null, detail: 'no tool was called' });
    expect(judge(called(null))).toEqual({
      passed: null,
      detail: 'weather requires no arguments: no bad call to make',
    });
    expect(judge(called(callResult()))).toEqual({
      passed: true,
      detail: 'weather({}) → isError result: "missing argument city"',
    });
    expect(judge(called(callResult({ text: 'y'.repeat(130) }))).detail).toBe(
      `weather({}) → isError result: "${'y'.repeat(120)}"`,
    );
    expect(judge(called(callResult({ text: '  ' })))).toEqual({
      passed: false,
      detail: 'weather({}) → isError result without a message',
    });
    expect(judge(called(callResult(), callResult({ isError: true, text: 'boom' }))).detail).toBe(
      'weather({}) → isError result: "missing argument city" (the well-formed call gave a result with isError true)',
    );
    expect(
      judge(called(callResult({ text: '' }), callResult({ isError: null, status: 502, error: null }))).detail,
    ).toBe(
      'weather({}) → isError result without a message (the well-formed call gave HTTP 502 without a JSON-RPC result)',
    );
    expect(judge(called(callResult({ isError: false })))).toEqual({
      passed: false,
      detail: 'weather({}) was accepted although it lacks required arguments',
    });
    const rpcError = (message: string) =>
      callResult({ isError: null, error: { code: -32602, message }, text: message });
    expect(judge(called(rpcError('city is required')))).toEqual({
      passed: true,
      detail: 'weather({}) → JSON-RPC error -32602: city is required',
    });
    expect(judge(called(rpcError('z'.repeat(130)))).detail).toBe(
      `weather({}) → JSON-RPC error -32602: ${'z'.repeat(120)}`,
    );
    expect(judge(called(rpcError('m'), callResult({ isError: null, status: null }))).detail).toBe(
      'weather({}) → JSON-RPC error -32602: m (the well-formed call gave no answer)',
    );
    expect(judge(called(rpcError(' ')))).toEqual({
      passed: false,
      detail: 'weather({}) → JSON-RPC error -32602 (application/json):  ',
    });
    expect(
      judge(called(callResult({ isError: null, status: 500, contentType: null, text: 'w'.repeat(100) }))),
    ).toEqual({
      passed: false,
      detail: `weather({}) → HTTP 500 without a JSON-RPC result (no content type): ${'w'.repeat(80)}`,
    });
  });

  it('mcp-unknown-method-error wants -32601', () => {
    const judge = (unknownMethod: McpObservations['unknownMethod']) =>
      mcpUnknownMethodErrorAssertion.evaluate({}, observed(session({ unknownMethod })), CONTEXT);
    const method = 'agentscore/no-such-method';
    const tried = (overrides: Partial<NonNullable<McpObservations['unknownMethod']>>) => ({
      method,
      status: 200,
      error: null,
      resultReturned: false,
      ...overrides,
    });
    expect(judge(null)).toEqual({
      passed: null,
      detail: 'the session ended before the unknown method was tried',
    });
    expect(judge(tried({ error: { code: -32601, message: 'Method not found' } }))).toEqual({
      passed: true,
      detail: `${method} → JSON-RPC error -32601 Method not found`,
    });
    expect(judge(tried({ error: { code: -32601, message: '' } })).detail).toBe(
      `${method} → JSON-RPC error -32601`,
    );
    expect(judge(tried({ error: { code: -32600, message: 'x' }, resultReturned: true }))).toEqual({
      passed: false,
      detail: `${method} → JSON-RPC error -32600, not -32601 (method not found)`,
    });
    expect(judge(tried({ resultReturned: true }))).toEqual({
      passed: false,
      detail: `${method} → a result, as if the method existed`,
    });
    expect(judge(tried({ status: 404 }))).toEqual({
      passed: false,
      detail: `${method} → HTTP 404 without a JSON-RPC result`,
    });
    expect(judge(tried({ status: null })).detail).toBe(`${method} → no answer`);
  });
});
