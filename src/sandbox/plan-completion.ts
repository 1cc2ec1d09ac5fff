/** @module sandbox/plan-completion — what the sandbox "model" answers: content tokens or tool calls, and usage. */
import { type ChatRequest, contentText } from './chat-request.ts';
import { chooseToolCalls, hintsFrom, lastUserText } from './choose-tool-calls.ts';
import type { HttpError } from './error-bodies.ts';
import { toolCallId } from './ids.ts';
import type { SandboxFaults } from './profile.ts';
import { pythonJson } from './python-json.ts';
import { generateInstance } from './schema-instance.ts';
import { countTokens, tokenize } from './tokenizer.ts';

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface CompletionPlan {
  /** One entry per streamed content chunk; empty for tool calls. */
  contentPieces: string[];
  toolCalls: PlannedToolCall[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  usage: Usage;
}

const SELF_DESCRIPTION = 'This is the agentscore sandbox, a deterministic stand-in for a model.';
const ECHO_LIMIT_CHARS = 300;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ECHO_LIMIT_CHARS ? `${flat.slice(0, ECHO_LIMIT_CHARS)}...` : flat;
}

function textAnswer(request: ChatRequest): string {
  const last = request.messages.at(-1);
  if (last?.role === 'tool') {
    const calls = request.messages.flatMap((message) => message.tool_calls ?? []);
    const name = last.name ?? calls.find((call) => call.id === last.tool_call_id)?.function.name ?? 'unknown';
    return `The tool ${name} returned: ${clip(contentText(last.content))} ${SELF_DESCRIPTION}`;
  }
  const said = clip(lastUserText(request.messages));
  const answer = `${SELF_DESCRIPTION} You said: ${said === '' ? '(nothing)' : said}`;
  // A prefix message makes the answer start with the given text, as on the real API.
  return last?.role === 'assistant' && last.prefix === true
    ? `${contentText(last.content)} ${answer}`
    : answer;
}

function jsonAnswer(request: ChatRequest, text: string, faults: SandboxFaults): string | null {
  const format = request.response_format;
  let value: unknown;
  if (format?.type === 'json_object') value = { answer: text };
  else if (format?.type === 'json_schema' && format.json_schema) {
    const { schema } = format.json_schema;
    value = generateInstance(schema, hintsFrom(lastUserText(request.messages)));
    if (
      faults.dropRequiredJsonFields &&
      typeof value === 'object' &&
      value !== null &&
      Array.isArray(schema.required)
    ) {
      for (const name of schema.required) delete (value as Record<string, unknown>)[String(name)];
    }
  } else return null;
  const json = pythonJson(value);
  return faults.fenceJson ? `\`\`\`json\n${json}\n\`\`\`` : json;
}

/** Generation ends before the first stop sequence, as `stop` asks. */
function cutAtStop(content: string, stop: ChatRequest['stop']): string {
  const sequences = (typeof stop === 'string' ? [stop] : (stop ?? [])).filter((sequence) => sequence !== '');
  const cuts = sequences.map((sequence) => content.indexOf(sequence)).filter((index) => index >= 0);
  return cuts.length === 0 ? content : content.slice(0, Math.min(...cuts));
}

function promptTokens(request: ChatRequest): number {
  const messageText = request.messages.map((message) => contentText(message.content)).join('\n');
  const toolText = request.tools ? JSON.stringify(request.tools) : '';
  return countTokens(messageText) + countTokens(toolText);
}

function usageOf(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function planCompletion(request: ChatRequest, faults: SandboxFaults): CompletionPlan | HttpError {
  const decision = chooseToolCalls(request, faults);
  if ('status' in decision) return decision;
  const prompt = promptTokens(request);
  if (decision.kind === 'calls') {
    const toolCalls = decision.calls.map((call) => ({ id: toolCallId(), ...call }));
    const completion = toolCalls.reduce(
      (sum, call) => sum + countTokens(`${call.name} ${call.arguments}`),
      0,
    );
    return { contentPieces: [], toolCalls, finishReason: 'tool_calls', usage: usageOf(prompt, completion) };
  }
  const text = textAnswer(request);
  const content = cutAtStop(jsonAnswer(request, text, faults) ?? text, request.stop);
  let pieces = tokenize(content);
  let finishReason: CompletionPlan['finishReason'] = 'stop';
  const maxTokens = request.max_tokens;
  if (typeof maxTokens === 'number' && pieces.length > maxTokens) {
    pieces = pieces.slice(0, maxTokens);
    finishReason = 'length';
  }
  return { contentPieces: pieces, toolCalls: [], finishReason, usage: usageOf(prompt, pieces.length) };
}
