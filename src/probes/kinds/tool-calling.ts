/** @module Shared by tool-call and agent-loop: building requests, judging calls, spotting repeats. */
import type { ProviderRequest } from '../../providers/provider.ts';
import { parseArguments, type ToolCallSeen } from '../chat-response.ts';
import { validateAgainst } from '../json-schema-validator.ts';
import { type ParameterSchema, type ProbeContext, parametersOf } from '../probe-kind.ts';
import { isRecord } from '../response-body.ts';

export interface ToolSpec {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

/** `with` of the tool-call kind; the agent-loop kind adds its own. */
export interface ToolCallParameters {
  tools?: ToolSpec[];
  /** `auto`, `none`, `any`, `required` or a tool name (forces that tool). */
  toolChoice?: string;
  prompt?: string;
  stream?: boolean;
  parallelToolCalls?: boolean;
  maxTokens?: number;
}

const toolSchema = {
  type: 'object',
  required: ['type', 'function'],
  additionalProperties: false,
  properties: {
    type: { const: 'function' },
    function: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,64}$' },
        description: { type: 'string' },
        parameters: { type: 'object' },
      },
    },
  },
} as const;

export const TOOL_CALL_PARAMETER_PROPERTIES = {
  tools: { type: 'array', minItems: 1, items: toolSchema },
  toolChoice: { type: 'string', minLength: 1 },
  prompt: { type: 'string', minLength: 1 },
  stream: { type: 'boolean' },
  parallelToolCalls: { type: 'boolean' },
  maxTokens: { type: 'integer', minimum: 1, maximum: 100_000 },
} as const;

export const TOOL_CALL_PARAMETERS: ParameterSchema = {
  type: 'object',
  properties: TOOL_CALL_PARAMETER_PROPERTIES,
  additionalProperties: false,
};

export interface JudgedCall {
  id: string;
  name: string;
  knownTool: boolean;
  argumentsParse: boolean;
  argumentsValid: boolean;
  argumentErrors: string[];
  /** Name plus canonical arguments: equal keys mean a repeated call (DESIGN §5). */
  signature: string;
  repeated: boolean;
}

export function toolsOf(context: ProbeContext): ToolSpec[] {
  return parametersOf<ToolCallParameters>(context).tools ?? [];
}

/** `auto`, `none`, `any`, `required` or a tool name → the wire form. */
export function toolChoiceOf(choice: string | undefined): unknown {
  if (choice === undefined || ['auto', 'none', 'any', 'required'].includes(choice)) return choice;
  return { type: 'function', function: { name: choice } };
}

export function isForced(choice: string | undefined): boolean {
  return choice !== undefined && !['auto', 'none'].includes(choice);
}

/** Sorted keys all the way down, so {"b":1,"a":2} and {"a":2,"b":1} are one call. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function judgeCall(call: ToolCallSeen, tools: ToolSpec[], earlier: Set<string>): JudgedCall {
  const tool = tools.find((candidate) => candidate.function.name === call.name);
  const parsed = parseArguments(call.rawArguments);
  const verdict =
    parsed.ok && tool?.function.parameters ? validateAgainst(tool.function.parameters, parsed.value) : null;
  const signature = `${call.name}(${parsed.ok ? canonicalJson(parsed.value) : String(call.rawArguments)})`;
  const repeated = earlier.has(signature);
  earlier.add(signature);
  return {
    id: call.id,
    name: call.name,
    knownTool: Boolean(tool),
    argumentsParse: parsed.ok,
    argumentsValid: Boolean(tool) && parsed.ok && (verdict ? verdict.valid : true),
    argumentErrors: verdict?.errors ?? (parsed.ok ? [] : ['arguments are not JSON']),
    signature,
    repeated,
  };
}

export function chatRequest(
  context: ProbeContext,
  messages: unknown[],
  toolChoice: string | undefined,
  stream: boolean,
): ProviderRequest {
  const parameters = parametersOf<ToolCallParameters>(context);
  const parallel = parameters.parallelToolCalls;
  return {
    method: 'POST',
    path: '/v1/chat/completions',
    auth: { mode: 'bearer' },
    body: {
      model: context.target.model,
      messages,
      tools: toolsOf(context),
      ...(toolChoice !== undefined ? { tool_choice: toolChoiceOf(toolChoice) } : {}),
      ...(parallel !== undefined ? { parallel_tool_calls: parallel } : {}),
      max_tokens: parameters.maxTokens ?? 300,
      ...(stream ? { stream: true } : {}),
    },
    stream,
    timeoutMs: context.timeoutMs,
  };
}
