/** @module sandbox/choose-tool-calls — the deterministic "model policy" deciding between text and tool calls. */
import {
  type ChatMessage,
  type ChatRequest,
  contentText,
  type FunctionTool,
  functionTools,
} from './chat-request.ts';
import { type HttpError, invalidRequest } from './error-bodies.ts';
import type { SandboxFaults } from './profile.ts';
import { pythonJson } from './python-json.ts';
import { generateInstance, type InstanceHints } from './schema-instance.ts';

export interface ChosenCall {
  name: string;
  /** JSON text of the arguments. */
  arguments: string;
}

export type ToolDecision = { kind: 'text' } | { kind: 'calls'; calls: ChosenCall[] };

/** Common words that say nothing about which tool fits. */
const STOP_WORDS = new Set(
  'about above after again also been before being could does doing each from have having here into just like make more most only other over please same should some such than that their them then there these they this those through under very want were what when where which while will with would your yours tell give show need know using call tool tools function return returns given'.split(
    ' ',
  ),
);

function significantWords(text: string): Set<string> {
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = spaced.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

function sharesWord(tool: FunctionTool, userWords: Set<string>): boolean {
  const toolWords = significantWords(
    `${tool.function.name.replace(/[_-]/g, ' ')} ${tool.function.description ?? ''}`,
  );
  return [...toolWords].some((word) => userWords.has(word));
}

export function lastUserText(messages: ChatMessage[]): string {
  const lastUser = [...messages].reverse().find((message) => message.role === 'user');
  return lastUser === undefined ? '' : contentText(lastUser.content).trim();
}

export function hintsFrom(text: string): InstanceHints {
  return { sentence: text.slice(0, 200).trim(), words: text.match(/[\p{L}\p{N}]+/gu) ?? [] };
}

function argumentsFor(tool: FunctionTool, hints: InstanceHints): string {
  return pythonJson(generateInstance(tool.function.parameters, hints));
}

/** The call a tool result answers (by tool_call_id, else the latest assistant call). */
function callBeingAnswered(messages: ChatMessage[]): ChosenCall | null {
  const toolMessage = messages.at(-1);
  const calls = messages.flatMap((message) =>
    message.role === 'assistant' ? (message.tool_calls ?? []) : [],
  );
  const call = calls.find((candidate) => candidate.id === toolMessage?.tool_call_id) ?? calls.at(-1);
  if (call === undefined) return null;
  const { name, arguments: args } = call.function;
  return { name, arguments: typeof args === 'string' ? args : pythonJson(args) };
}

export function chooseToolCalls(request: ChatRequest, faults: SandboxFaults): ToolDecision | HttpError {
  const tools = functionTools(request);
  if (tools.length === 0) return { kind: 'text' };
  let choice = request.tool_choice ?? 'auto';
  if (faults.ignoreToolChoice && choice !== 'none') choice = 'auto';
  if (choice === 'none') return { kind: 'text' };

  const answeringToolResult = request.messages.at(-1)?.role === 'tool';
  if (answeringToolResult && faults.repeatToolCallAfterResult) {
    const repeated = callBeingAnswered(request.messages);
    if (repeated !== null) return { kind: 'calls', calls: [repeated] };
  }
  if (answeringToolResult && choice === 'auto') return { kind: 'text' };

  const userText = lastUserText(request.messages);
  const hints = hintsFrom(userText);
  let selected: FunctionTool[];
  if (typeof choice === 'object') {
    const named = tools.find((tool) => tool.function.name === choice.function.name);
    if (named === undefined)
      return invalidRequest(`Tool choice function '${choice.function.name}' is not in tools`);
    selected = [named];
  } else {
    const userWords = significantWords(userText);
    const matched = tools.filter((tool) => sharesWord(tool, userWords));
    if (choice === 'auto' && matched.length === 0) return { kind: 'text' };
    selected = matched.length > 0 ? matched : tools.slice(0, 1);
  }
  if (request.parallel_tool_calls === false) selected = selected.slice(0, 1);
  return {
    kind: 'calls',
    calls: selected.map((tool) => ({ name: tool.function.name, arguments: argumentsFor(tool, hints) })),
  };
}
