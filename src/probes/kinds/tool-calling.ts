/** @module Shared by tool-call and agent-loop: building requests, judging calls, spotting repeats. */
import type { ProviderRequest } from '../../providers/provider.ts';
import { parseArguments, type ToolCallSeen } from '../chat-response.ts';
import { validateAgainst } from '../json-schema-validator.ts';
import type { ProbeContext } from '../probe-kind.ts';
import { isRecord } from '../response-body.ts';

export interface ToolSpec {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

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
  const tools = context.probe.with?.tools;
  return Array.isArray(tools) ? (tools as ToolSpec[]) : [];
}

/** `auto`, `none`, `any`, `required` or a tool name → the wire form. */
export function toolChoiceOf(choice: unknown): unknown {
  if (choice === undefined || ['auto', 'none', 'any', 'required'].includes(String(choice))) return choice;
  return { type: 'function', function: { name: String(choice) } };
}

export function isForced(choice: unknown): boolean {
  return choice !== undefined && !['auto', 'none'].includes(String(choice));
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
  toolChoice: unknown,
  stream: boolean,
): ProviderRequest {
  const parallel = context.probe.with?.parallelToolCalls;
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
      max_tokens: Number(context.probe.with?.maxTokens ?? 300),
      ...(stream ? { stream: true } : {}),
    },
    stream,
    timeoutMs: context.timeoutMs,
  };
}
