/** @module sandbox/chat-request — the typed view of a validated ChatCompletionRequest. */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface ContentChunk {
  type: string;
  text?: string;
}

export interface ToolCallInput {
  id?: string;
  type?: string;
  function: { name: string; arguments: string | Record<string, unknown> };
  index?: number;
}

export interface ChatMessage {
  role: Role;
  content?: string | null | ContentChunk[];
  tool_calls?: ToolCallInput[] | null;
  tool_call_id?: string | null;
  name?: string | null;
  prefix?: boolean;
}

export interface FunctionTool {
  type?: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice =
  | 'auto'
  | 'none'
  | 'any'
  | 'required'
  | { type?: 'function'; function: { name: string } };

export interface ResponseFormat {
  type?: 'text' | 'json_object' | 'json_schema';
  json_schema?: {
    name: string;
    description?: string | null;
    schema: Record<string, unknown>;
    strict?: boolean;
  } | null;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  max_tokens?: number | null;
  stop?: string | string[] | null;
  tools?: Array<FunctionTool | { type: string }> | null;
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
}

/** The text of a message's content (string, or the text parts of a chunk list). */
export function contentText(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((chunk) => (typeof chunk.text === 'string' ? chunk.text : '')).join('');
}

export function functionTools(request: ChatRequest): FunctionTool[] {
  return (request.tools ?? []).filter((tool): tool is FunctionTool => 'function' in tool);
}
