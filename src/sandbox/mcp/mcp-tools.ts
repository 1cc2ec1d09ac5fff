/** @module sandbox/mcp/mcp-tools — the MCP server's two tools: their listing and their calls, faults included. */
import { chatModelIds } from '../models.ts';
import type { McpFaults } from '../profile.ts';

/** A tool as `tools/list` describes it (MCP 2025-06-18, server/tools). */
export interface McpToolDefinition {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

/** A `tools/call` result: content blocks, and `isError` for failures the model can act on. */
export interface McpToolResult {
  content: Array<{ type: 'text'; text: string }>;
  isError: boolean;
}

/** What a call came to: a result, an unknown tool (a protocol error), or an unstructured crash (fault). */
export type McpCallOutcome =
  | { kind: 'result'; result: McpToolResult }
  | { kind: 'unknown-tool'; name: string }
  | { kind: 'crash'; text: string };

const TOOLS: McpToolDefinition[] = [
  {
    name: 'get_weather',
    title: 'Current weather',
    description: 'Current weather for a city: temperature in °C and a one-line summary.',
    inputSchema: {
      type: 'object',
      properties: {
        city: { type: 'string', minLength: 1, description: 'City name, e.g. "Paris".' },
        units: {
          type: 'string',
          enum: ['metric', 'imperial'],
          description: 'Unit system of the temperature; metric by default.',
        },
      },
      required: ['city'],
      additionalProperties: false,
    },
  },
  {
    name: 'list_models',
    title: 'List models',
    description: 'Ids of the chat models this API serves.',
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
  },
];

/** Not JSON Schema: `text` is no JSON Schema type (a server that hand-writes its schemas). */
const INVALID_WEATHER_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'text' } },
  required: ['city'],
};

function withoutDescriptions(tool: McpToolDefinition): McpToolDefinition {
  const { description: _description, title: _title, ...rest } = tool;
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const bare = Object.fromEntries(
    Object.entries(properties).map(([name, { description: _omitted, ...schema }]) => [name, schema]),
  );
  return { ...rest, inputSchema: { ...tool.inputSchema, properties: bare } };
}

/** The `tools/list` result. */
export function listTools(faults: McpFaults): { tools: McpToolDefinition[] } {
  const tools = TOOLS.map((tool) => {
    let listed = faults.missingDescriptions ? withoutDescriptions(tool) : tool;
    if (faults.invalidInputSchema && tool.name === 'get_weather') {
      listed = { ...listed, inputSchema: INVALID_WEATHER_SCHEMA };
    }
    return listed;
  });
  return { tools };
}

function text(value: string, isError = false): McpCallOutcome {
  return { kind: 'result', result: { content: [{ type: 'text', text: value }], isError } };
}

/** A deterministic forecast: the same city always gets the same weather. */
function weatherFor(city: string, units: string): string {
  const seed = [...city.toLowerCase()].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  const celsius = 8 + (seed % 20);
  const summary = ['clear sky', 'light clouds', 'overcast', 'light rain'][seed % 4];
  const temperature = units === 'imperial' ? `${Math.round(celsius * 1.8 + 32)} °F` : `${celsius} °C`;
  return `Weather in ${city}: ${temperature}, ${summary}.`;
}

function callWeather(args: Record<string, unknown>, faults: McpFaults): McpCallOutcome {
  const { city, units = 'metric' } = args;
  const problems: string[] = [];
  if (typeof city !== 'string' || city.trim() === '') problems.push('city is required');
  if (units !== 'metric' && units !== 'imperial') problems.push('units must be "metric" or "imperial"');
  const unknown = Object.keys(args).filter((key) => key !== 'city' && key !== 'units');
  if (unknown.length > 0) problems.push(`unknown arguments: ${unknown.join(', ')}`);
  if (problems.length === 0) return text(weatherFor(city as string, units as string));
  if (faults.unstructuredToolErrors) {
    return {
      kind: 'crash',
      text: "Traceback (most recent call last):\n  File \"tools.py\", line 12, in get_weather\n    city = args['city']\nKeyError: 'city'\n",
    };
  }
  return text(problems.join('; '), true);
}

/** Runs `tools/call`; argument problems are tool results with `isError` (MCP: errors the model can fix). */
export function callTool(name: unknown, args: unknown, faults: McpFaults): McpCallOutcome {
  const argumentsObject =
    typeof args === 'object' && args !== null && !Array.isArray(args)
      ? (args as Record<string, unknown>)
      : {};
  if (name === 'get_weather') return callWeather(argumentsObject, faults);
  if (name === 'list_models') return text(chatModelIds().join('\n'));
  return { kind: 'unknown-tool', name: String(name) };
}
