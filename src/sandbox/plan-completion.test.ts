/** @module sandbox/plan-completion.test — honest deterministic answers: echo, tool results, max_tokens, stop, JSON modes. */
import { describe, expect, it } from 'vitest';
import type { ChatRequest } from './chat-request.ts';
import { type CompletionPlan, planCompletion } from './plan-completion.ts';
import { DEFAULT_PROFILE } from './profile.ts';

function plan(request: Partial<ChatRequest>): CompletionPlan {
  const result = planCompletion(
    { model: 'm', messages: [{ role: 'user', content: 'Hello there' }], ...request },
    DEFAULT_PROFILE.faults,
  );
  if ('status' in result) throw new Error(JSON.stringify(result.body));
  return result;
}

describe('planCompletion', () => {
  it('says what it is and echoes the user, with usage counting one token per chunk', () => {
    const result = plan({});
    const text = result.contentPieces.join('');
    expect(text).toBe(
      'This is the agentscore sandbox, a deterministic stand-in for a model. You said: Hello there',
    );
    expect(result.usage.completion_tokens).toBe(result.contentPieces.length);
    expect(result.finishReason).toBe('stop');
    expect(plan({}).contentPieces).toEqual(result.contentPieces);
  });

  it('respects max_tokens with finish_reason length, and stop sequences', () => {
    const limited = plan({ max_tokens: 4 });
    expect(limited.contentPieces).toEqual(['This', ' is', ' the', ' agentscore']);
    expect(limited.finishReason).toBe('length');
    expect(plan({ stop: ['sandbox'] }).contentPieces.join('')).toBe('This is the agentscore ');
  });

  it('answers a tool result with a text mentioning it and the tool name', () => {
    const result = plan({
      messages: [
        { role: 'user', content: 'order?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id: 'abcdefghi', function: { name: 'lookup', arguments: '{}' } }],
        },
        { role: 'tool', content: 'shipped', tool_call_id: 'abcdefghi' },
      ],
    });
    expect(result.contentPieces.join('')).toMatch(/^The tool lookup returned: shipped/);
  });
});
