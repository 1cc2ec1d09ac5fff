/** @module Assertions on an MCP session (agentFriendliness.mcpQuality): initialise, list, typed and described tools, structured errors. */
import type { AssertionName } from '../../spec/suite.ts';
import { type Assertion, type AssertionVerdict, fail, notApplicable, pass } from '../assertion.ts';
import type { McpCallObservation, McpObservations, McpToolObservation } from '../kinds/mcp.ts';
import { observationOf } from '../observation.ts';

function mcpAssertion<Name extends AssertionName>(
  name: Name,
  judge: (observations: McpObservations) => AssertionVerdict,
): Assertion<Name> {
  return {
    name,
    reads: ['mcp'],
    evaluate: (_params, outcome) => {
      const observations = observationOf(outcome, 'mcp');
      return observations ? judge(observations) : notApplicable('no MCP session was observed');
    },
  };
}

function rpcProblem(status: number | null, error: { code: number; message: string } | null): string {
  if (error) return `JSON-RPC error ${error.code} ${error.message}`.trim();
  return status === null ? 'no answer' : `HTTP ${status} without a JSON-RPC result`;
}

/** The listed tools, or the verdict to give when there are none to judge. */
function withTools(
  observations: McpObservations,
  judge: (tools: McpToolObservation[]) => AssertionVerdict,
): AssertionVerdict {
  const tools = observations.toolsList?.tools;
  if (!tools || tools.length === 0) return notApplicable('no tools were listed');
  return judge(tools);
}

function listNames(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

export const mcpInitializeAssertion = mcpAssertion('mcp-initialize', ({ initialize }) => {
  if (!initialize.ok) {
    return fail(`initialize: ${rpcProblem(initialize.status, initialize.error)}`);
  }
  const server = initialize.serverName ?? 'an unnamed server';
  const session = initialize.sessionIssued ? 'with a session id' : 'without a session id';
  const tools = initialize.toolsCapability ? '' : '; no tools capability declared';
  return pass(
    `${server} speaks MCP ${initialize.protocolVersion} ${session} (${initialize.transport})${tools}`,
  );
});

export const mcpToolsListedAssertion = mcpAssertion('mcp-tools-listed', ({ initialize, toolsList }) => {
  if (!initialize.ok || toolsList === null) return fail('tools/list not reached: initialize failed');
  if (toolsList.tools === null) return fail(`tools/list: ${rpcProblem(toolsList.status, toolsList.error)}`);
  if (toolsList.tools.length === 0) return fail('tools/list returned no tools');
  return pass(`${toolsList.tools.length} tools: ${listNames(toolsList.tools.map((tool) => tool.name))}`);
});

export const mcpInputSchemasValidAssertion = mcpAssertion('mcp-input-schemas-valid', (observations) =>
  withTools(observations, (tools) => {
    const invalid = tools.filter((tool) => tool.schemaProblem !== null);
    if (invalid.length === 0)
      return pass(`all ${tools.length} inputSchemas compile as JSON Schema (in the draft each declares)`);
    const first = invalid[0]!;
    return fail(
      `${invalid.length} of ${tools.length} inputSchemas are not valid JSON Schema (${first.name}: ${first.schemaProblem?.slice(0, 160)})`,
    );
  }),
);

export const mcpDescriptionsPresentAssertion = mcpAssertion('mcp-descriptions-present', (observations) =>
  withTools(observations, (tools) => {
    const bare = tools.filter((tool) => !tool.hasDescription).map((tool) => tool.name);
    const parameters = tools.flatMap((tool) =>
      tool.undescribedParameters.map((parameter) => `${tool.name}.${parameter}`),
    );
    if (bare.length === 0 && parameters.length === 0) {
      return pass(`all ${tools.length} tools and their parameters are described`);
    }
    const problems = [
      bare.length > 0 ? `tools without a description: ${listNames(bare)}` : '',
      parameters.length > 0 ? `parameters without a description: ${listNames(parameters)}` : '',
    ].filter(Boolean);
    return fail(problems.join('; '));
  }),
);

function describeCall(call: McpCallObservation): string {
  if (call.isError !== null) return `a result with isError ${call.isError}`;
  return rpcProblem(call.status, call.error);
}

/**
 * A bad call must come back as something an agent can act on: a tool result with `isError` and a message
 * (what the model sees and can correct), or — as MCP 2025-06-18 also allows for invalid arguments — a
 * JSON-RPC error with a message. A transport failure, a non-JSON-RPC body or silent acceptance fails.
 */
export const mcpStructuredToolErrorsAssertion = mcpAssertion('mcp-structured-tool-errors', ({ toolCall }) => {
  if (toolCall === null) return notApplicable('no tool was called');
  const { tool, good, bad } = toolCall;
  if (bad === null) return notApplicable(`${tool} requires no arguments: no bad call to make`);
  const goodNote = good.isError === false ? '' : ` (the well-formed call gave ${describeCall(good)})`;
  if (bad.isError === true) {
    return bad.text.trim()
      ? pass(`${tool}({}) → isError result: "${bad.text.slice(0, 120)}"${goodNote}`)
      : fail(`${tool}({}) → isError result without a message${goodNote}`);
  }
  if (bad.isError === false) return fail(`${tool}({}) was accepted although it lacks required arguments`);
  if (bad.error !== null && bad.error.message.trim() !== '') {
    return pass(
      `${tool}({}) → JSON-RPC error ${bad.error.code}: ${bad.error.message.slice(0, 120)}${goodNote}`,
    );
  }
  const contentType = bad.contentType ?? 'no content type';
  return fail(
    `${tool}({}) → ${rpcProblem(bad.status, bad.error)} (${contentType}): ${bad.text.slice(0, 80)}`,
  );
});

export const mcpUnknownMethodErrorAssertion = mcpAssertion(
  'mcp-unknown-method-error',
  ({ unknownMethod }) => {
    if (unknownMethod === null) return notApplicable('the session ended before the unknown method was tried');
    const { method, error, status, resultReturned } = unknownMethod;
    if (error?.code === -32601) return pass(`${method} → JSON-RPC error -32601 ${error.message}`.trim());
    if (error) return fail(`${method} → JSON-RPC error ${error.code}, not -32601 (method not found)`);
    if (resultReturned) return fail(`${method} → a result, as if the method existed`);
    return fail(`${method} → ${rpcProblem(status, error)}`);
  },
);
