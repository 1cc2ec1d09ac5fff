/** @module sandbox/completion-shapes — chat completion bodies and SSE chunks in the recorded Mistral shapes. */
import type { CompletionPlan, Usage } from './plan-completion.ts';

export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

type UsageWithDetails = Usage & { prompt_tokens_details: { cached_tokens: number } };

function usageWithDetails(usage: Usage): UsageWithDetails {
  return { ...usage, prompt_tokens_details: { cached_tokens: 0 } };
}

/** Non-streaming body, as recorded (content "" next to tool_calls; tool calls carry type "function"). */
export function completionBody(meta: CompletionMeta, plan: CompletionPlan): Record<string, unknown> {
  const toolCalls =
    plan.toolCalls.length === 0
      ? null
      : plan.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }));
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: plan.contentPieces.join(''), tool_calls: toolCalls },
        finish_reason: plan.finishReason,
      },
    ],
    usage: usageWithDetails(plan.usage),
  };
}

const PADDING = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The obfuscation field `p` real chunks carry (length varies so chunk sizes do not reveal token lengths). */
function padding(sequence: number): string {
  return PADDING.slice(0, 1 + ((sequence * 7) % PADDING.length));
}

function chunk(
  meta: CompletionMeta,
  delta: Record<string, unknown>,
  finishReason: string | null,
): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

export function roleChunk(meta: CompletionMeta): Record<string, unknown> {
  return chunk(meta, { role: 'assistant', content: '' }, null);
}

export function contentChunk(meta: CompletionMeta, piece: string, sequence: number): Record<string, unknown> {
  return { ...chunk(meta, { content: piece }, null), p: padding(sequence) };
}

/** All tool calls arrive whole in one chunk, with finish_reason and usage (recorded: no `type`, with `index`). */
export function toolCallsChunk(meta: CompletionMeta, plan: CompletionPlan): Record<string, unknown> {
  const toolCalls = plan.toolCalls.map((call, index) => ({
    id: call.id,
    function: { name: call.name, arguments: call.arguments },
    index,
  }));
  return {
    ...chunk(meta, { tool_calls: toolCalls }, 'tool_calls'),
    usage: usageWithDetails(plan.usage),
    p: padding(1),
  };
}

export function finalChunk(meta: CompletionMeta, plan: CompletionPlan): Record<string, unknown> {
  return {
    ...chunk(meta, { content: '' }, plan.finishReason),
    usage: usageWithDetails(plan.usage),
    p: padding(plan.contentPieces.length + 1),
  };
}

export function sseEvent(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

export const SSE_DONE = 'data: [DONE]\n\n';
